package io.farmhub.schedules;

import io.farmhub.core.CommandSource;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.Json;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.StreamVersion;
import io.farmhub.farm.Farm;
import io.farmhub.farm.query.FarmQueries;
import io.farmhub.farm.query.FarmQuery;
import io.farmhub.farm.query.FarmStreams;
import io.farmhub.farm.query.Parsed;
import io.farmhub.farm.query.QueryParameters;
import io.farmhub.farm.query.StreamSelection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the query engine (issue 5, not in this build yet) behind the {@link QueryRunner} seam: it runs the
 * real queries of {@code farm.query} over the hub's real event store, without the engine's query stream, status and
 * cache. It remembers every run so tests can see who asked what.
 */
public final class StoreQueries implements QueryRunner {

    public record Run(String query, Map<String, String> parameters, String runAs, CommandSource source) {
    }

    private final EventStore store;
    private final EventTypeRegistry registry = Farm.registerEvents(new EventTypeRegistry());
    private final List<Run> runs = new CopyOnWriteArrayList<>();

    public StoreQueries(EventStore store) {
        this.store = store;
    }

    public List<Run> runs() {
        return runs;
    }

    @Override
    public QueryAnswer run(String query, Map<String, String> parameters, String runAs, CommandSource source) {
        runs.add(new Run(query, parameters, runAs, source));
        FarmQuery<?, ?> farmQuery = FarmQueries.named(query).orElseThrow();
        return new QueryAnswer(UUID.randomUUID().toString(), Json.MAPPER.valueToTree(answer(farmQuery, parameters)));
    }

    private <P extends QueryParameters, R> Object answer(FarmQuery<P, R> query, Map<String, String> parameters) {
        Parsed<P> parsed = query.parse(parameters, LocalDate.now());
        if (!(parsed instanceof Parsed.Valid<P> valid)) {
            throw new IllegalArgumentException("bad parameters for " + query.name() + ": " + parsed);
        }
        StreamSelection selection = query.streams(valid.parameters());
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (String type : selection.aggregateTypes()) {
            for (StreamVersion stream : store.list("farm", type)) {
                envelopes.addAll(store.read(stream.stream()));
            }
        }
        for (StreamId stream : selection.streams()) {
            envelopes.addAll(store.read(stream));
        }
        return query.run(valid.parameters(), FarmStreams.of(registry, envelopes));
    }
}
