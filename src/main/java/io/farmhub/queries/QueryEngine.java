package io.farmhub.queries;

import io.farmhub.core.Aggregate;
import io.farmhub.core.CommandSource;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;
import io.farmhub.farm.query.FarmQueries;
import io.farmhub.farm.query.FarmQuery;
import io.farmhub.farm.query.Parsed;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The read side's one way in, for the REST API and the schedules alike: ask a query and wait for its answer,
 * or start a run that delivers to a return path; read a run back. Names and parameters are checked here, before
 * any run starts, so a run only ever fails for infrastructure reasons.
 */
@Component
public class QueryEngine {

    static final String RUN = "direct:query-run";

    private final ProducerTemplate camel;
    private final QueryRunLog log;
    private final ReadSide readSide;
    private final String runs;
    private final List<String> webhookHosts;

    /** @param webhookHosts the hosts webhooks may be on; empty for any (the hub then posts wherever it is told) */
    public QueryEngine(ProducerTemplate camel, QueryRunLog log, ReadSide readSide,
            @Value("${farmhub.routes.queries.runs}") String runs,
            @Value("${farmhub.queries.webhook.allowed-hosts:}") List<String> webhookHosts) {
        this.camel = camel;
        this.log = log;
        this.readSide = readSide;
        this.runs = runs;
        this.webhookHosts = webhookHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).toList();
    }

    /** Runs the query now (or serves a current cached answer) and returns the answer. */
    public Asked ask(String query, Map<String, String> parameters, String user, CommandSource source) {
        return ask(query, parameters, user, source, false);
    }

    private Asked ask(String query, Map<String, String> parameters, String user, CommandSource source,
            boolean recorded) {
        return request(query, parameters, user, source, null, recorded).map(request -> {
            try {
                return (Asked) new Asked.Answered(camel.requestBody(RUN, request, QueryOutcome.class));
            } catch (CamelExecutionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        });
    }

    /**
     * For callers whose questions are fixed in code (the schedules): the answer, from a run recorded on its own
     * stream even when the cache serves it, or an IllegalArgumentException naming why the question cannot be
     * asked, which for them is a bug, not bad input.
     */
    public QueryOutcome answer(String query, Map<String, String> parameters, String user, CommandSource source) {
        Asked asked = ask(query, parameters, user, source, true);
        if (asked instanceof Asked.Answered answered) {
            return answered.outcome();
        }
        throw new IllegalArgumentException(query + " " + parameters + " cannot be asked: " + asked);
    }

    /** Records the request and starts the run; the answer goes to {@code returnPath}. */
    public Asked submit(String query, Map<String, String> parameters, ReturnPath returnPath, String user,
            CommandSource source) {
        if (returnPath.webhook() && !webhookHosts.isEmpty()
                && !webhookHosts.contains(URI.create(returnPath.target()).getHost().toLowerCase(Locale.ROOT))) {
            return new Asked.Invalid(List.of(Rejection.of(ErrorCode.MALFORMED, "returnPath.target",
                    "This hub posts answers only to " + String.join(", ", webhookHosts) + ".")));
        }
        return request(query, parameters, user, source, returnPath, true).map(request -> {
            log.record(request, new QueryRunEvent.Requested(request.queryId(), request.query(), request.parameters(),
                    returnPath, readSide.clock().instant()));
            camel.sendBody(runs, request);
            return new Asked.Accepted(request.queryId());
        });
    }

    public Optional<QueryRunStatus> run(String queryId) {
        return log.load(queryId);
    }

    /** The aggregate types a query reads (what a caller must be allowed to read); empty for an unknown query. */
    public Optional<List<String>> reads(String query) {
        return FarmQueries.named(query).map(q -> q.aggregates().stream().map(Aggregate::type).toList());
    }

    /** The farm's date now: every query's default asOf. */
    public LocalDate today() {
        return LocalDate.ofInstant(readSide.clock().instant(), ZoneOffset.UTC);
    }

    /** A checked request, or why there can be none. */
    private Checked request(String query, Map<String, String> parameters, String user, CommandSource source,
            ReturnPath returnPath, boolean recorded) {
        Optional<FarmQuery<?, ?>> named = FarmQueries.named(query);
        if (named.isEmpty()) {
            return new Checked(null, new Asked.UnknownQuery(query,
                    FarmQueries.all().stream().map(FarmQuery::name).toList()));
        }
        LocalDate today = today();
        Parsed<PreparedQuery<?, ?>> parsed = PreparedQuery.prepare(named.get(), parameters, today);
        if (parsed instanceof Parsed.Invalid<PreparedQuery<?, ?>> invalid) {
            return new Checked(null, new Asked.Invalid(invalid.rejections()));
        }
        QueryRequest request = new QueryRequest(UUID.randomUUID().toString(), query, parameters, today, user, source,
                returnPath, recorded);
        return new Checked(request, null);
    }

    private record Checked(QueryRequest request, Asked refused) {
        Asked map(java.util.function.Function<QueryRequest, Asked> run) {
            return request == null ? refused : run.apply(request);
        }
    }
}
