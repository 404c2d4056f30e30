package io.farmhub.queries;

import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.EventStoreException;
import io.farmhub.farm.query.FarmQueries;
import io.farmhub.farm.query.FarmStreams;
import io.farmhub.farm.query.Parsed;
import io.farmhub.farm.query.QueryResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The steps of a query run ({@code routes/queries.yaml}, route {@code query-run}): plan (parameters, cache key,
 * the instances to fan out over, a current cached answer if any), record the request, then, after the parallel
 * reads, collate them, run the pure query, cache and record the answer.
 */
@Component("queryRuns")
public class QueryRuns {

    /** The exchange property the plan travels in while the split replaces the body. */
    public static final String PLAN = "farmhubQueryPlan";

    private final ReadSide parts;
    private final QueryCache cache;
    private final QueryRunLog log;
    private final EventStore store;
    private final int chunkSize;
    private final Duration stableAfter;

    public QueryRuns(ReadSide parts, QueryCache cache, QueryRunLog log, EventStore store,
            @Value("${farmhub.queries.chunk-size:250}") int chunkSize,
            @Value("${farmhub.queries.cache.stable-after:60s}") Duration stableAfter) {
        this.parts = parts;
        this.cache = cache;
        this.log = log;
        this.store = store;
        this.chunkSize = Math.max(1, chunkSize);
        this.stableAfter = stableAfter;
    }

    public QueryPlan plan(QueryRequest request) {
        PreparedQuery<?, ?> prepared = prepare(request);
        String key = CacheKey.of(prepared.name(), prepared.canonical());
        RunSources sources = RunSources.plan(prepared, request.today(), parts.index(), store);
        CachedAnswer cached = cache.get(key).filter(sources::current).orElse(null);
        return new QueryPlan(request, prepared, key, sources, chunks(sources.streams()), cached,
                parts.clock().instant(), Instant.now(), System.nanoTime());
    }

    public boolean cached(QueryPlan plan) {
        return plan.cached() != null;
    }

    /** A current cached answer; a recorded asking still records it on its own stream, a plain GET records nothing. */
    public QueryOutcome fromCache(QueryPlan plan) {
        QueryAnswer answer = plan.cached().answer().fromCache();
        QueryRequest request = plan.request();
        if (request.recorded()) {
            log.record(request, requested(request, plan.startedAt()));
            log.answered(request, answer.json(), true, parts.clock().instant());
            return new QueryOutcome(request, request.queryId(), answer);
        }
        return new QueryOutcome(request, plan.cached().queryId(), answer);
    }

    public QueryPlan requested(QueryPlan plan) {
        log.record(plan.request(), requested(plan.request(), plan.startedAt()));
        return plan;
    }

    public List<List<StreamId>> chunks(QueryPlan plan) {
        return plan.chunks();
    }

    public QueryOutcome answer(@ExchangeProperty(PLAN) QueryPlan plan, @Body StreamsRead read) {
        QueryResult<?> result = plan.prepared().run(new FarmStreams(parts.registry(), read.envelopes()));
        Instant computedAt = parts.clock().instant();
        QueryAnswer answer = QueryAnswer.computed(result, computedAt);
        QueryRequest request = plan.request();
        boolean stable = answer.knownAt() != null && answer.knownAt().isBefore(plan.readFrom().minus(stableAfter));
        cache.put(plan.cacheKey(), plan.sources().remember(request.queryId(), answer, read, stable));
        long millis = (System.nanoTime() - plan.startedNanos()) / 1_000_000;
        log.record(request, new QueryRunEvent.Read(read.streams(), read.events(), plan.chunks().size(), millis,
                computedAt));
        log.answered(request, answer.json(), false, computedAt);
        return new QueryOutcome(request, request.queryId(), answer);
    }

    /** The run failed (the store could not be read, say): its stream says so; the caller still gets the fault. */
    public void failed(Exchange exchange) {
        QueryPlan plan = exchange.getProperty(PLAN, QueryPlan.class);
        Exception fault = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (plan == null || fault == null) {
            return;
        }
        String code = fault instanceof EventStoreException ? "UNAVAILABLE" : "INTERNAL";
        try {
            log.record(plan.request(), new QueryRunEvent.Failed(code, String.valueOf(fault.getMessage()),
                    parts.clock().instant()));
        } catch (RuntimeException alsoDown) {
            fault.addSuppressed(alsoDown); // the store is down: the caller learns of the first fault
        }
    }

    private PreparedQuery<?, ?> prepare(QueryRequest request) {
        Parsed<PreparedQuery<?, ?>> parsed = FarmQueries.named(request.query())
                .map(q -> PreparedQuery.prepare(q, request.parameters(), request.today()))
                .orElseThrow(() -> new IllegalArgumentException("no query is named " + request.query()));
        if (parsed instanceof Parsed.Valid<PreparedQuery<?, ?>> valid) {
            return valid.parameters();
        }
        // The engine checks parameters before a run starts; reaching here is a bug, not bad input.
        throw new IllegalArgumentException(request.query() + " was started with parameters it refuses: "
                + ((Parsed.Invalid<?>) parsed).rejections());
    }

    private static QueryRunEvent.Requested requested(QueryRequest request, Instant at) {
        return new QueryRunEvent.Requested(request.queryId(), request.query(), request.parameters(),
                request.returnPath(), at);
    }

    /** The streams to read in chunks, one parallel read each. */
    private List<List<StreamId>> chunks(List<StreamId> streams) {
        List<List<StreamId>> chunks = new ArrayList<>();
        for (int from = 0; from < streams.size(); from += chunkSize) {
            chunks.add(List.copyOf(streams.subList(from, Math.min(streams.size(), from + chunkSize))));
        }
        if (chunks.isEmpty()) {
            chunks.add(List.of()); // a farm with no such instance yet still answers, from one empty chunk
        }
        return chunks;
    }
}
