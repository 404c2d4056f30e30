package io.farmhub.bench;

import io.farmhub.FarmHubApplication;
import io.farmhub.core.CommandSource;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.StreamVersion;
import io.farmhub.farm.Farm;
import io.farmhub.farm.query.Bitemporal;
import io.farmhub.farm.query.FarmQuery;
import io.farmhub.farm.query.FarmStreams;
import io.farmhub.farm.query.FarmSummary;
import io.farmhub.farm.query.HerdRegister;
import io.farmhub.farm.query.Parsed;
import io.farmhub.queries.Asked;
import io.farmhub.queries.QueryCache;
import io.farmhub.queries.QueryEngine;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The query engine's figures, each through the whole engine (Camel routes, parallel fan-out, the run's own
 * stream) of a hub started on a fresh SQLite file, beside the pure query over the same events in memory:
 * {@code queries.cold}, herd-register over 10,000 cows with the cache emptied before each run, and
 * {@code queries.cached}, a cached farm-summary on a farm of 100 cows ({@code queries.cached-10k}: the same on the
 * 10,000 cows, where checking that every cow is unchanged is most of the work).
 */
final class QueryBench {

    /**
     * The day asked about: after every bench event, and not today, so that herd-register reads every cow's stream
     * (a question about today would fan out over the on-farm set, which the projections fill from notifications
     * this bench, writing straight to the store, does not send).
     */
    private static final LocalDate AS_OF = LocalDate.parse("2026-11-26");

    private QueryBench() {
    }

    static void run(Path dir, Report report) throws Exception {
        try (ConfigurableApplicationContext hub = hub(dir.resolve("queries-100"))) {
            BenchFarm.write(hub.getBean(EventStore.class), 100);
            Figure pure = report.add(Figure.of("queries.cached.pure", pureMillis(hub, new FarmSummary(), 200),
                    "ms", "baseline: farm-summary of 100 cows computed in memory"));
            report.add(Figure.against("queries.cached", cachedP50(hub, 2_000), "ms p50", pure, "p50 ≤ 1 ms"));
        }
        try (ConfigurableApplicationContext hub = hub(dir.resolve("queries-10k"))) {
            BenchFarm.write(hub.getBean(EventStore.class), 10_000);
            Figure pure = report.add(Figure.of("queries.cold.pure", pureMillis(hub, new HerdRegister(), 7), "ms",
                    "baseline: herd-register of 10,000 cows computed in memory"));
            report.add(Figure.against("queries.cold", coldMillis(hub, 7), "ms", pure, "≤ 500 ms"));
            Figure summary = report.add(Figure.of("queries.cached-10k.pure", pureMillis(hub, new FarmSummary(), 7),
                    "ms", "baseline: farm-summary of 10,000 cows computed in memory"));
            report.add(Figure.against("queries.cached-10k", cachedP50(hub, 200), "ms p50", summary,
                    "no goal: shows the freshness check growing with the herd"));
        }
    }

    private static ConfigurableApplicationContext hub(Path data) {
        // As arguments: they outrank application.yaml, where default properties would not. The projections'
        // reconciliation would catch up the bench farm (written straight to the store) while it is measured: it is
        // put off, so the figures are the query engine's alone.
        return new SpringApplicationBuilder(FarmHubApplication.class).web(WebApplicationType.NONE)
                .run("--farmhub.data-dir=" + data, "--logging.level.root=WARN",
                        "--farmhub.schedules.reconciliation.cron=0 0 0 1 1 ? 2099",
                        "--farmhub.routes.reconciliation-at-start-up=timer:reconciliation-at-start-up?delay=86400000");
    }

    /** Median milliseconds of herd-register with the cache emptied first, after five warm-up runs (the JIT's). */
    private static double coldMillis(ConfigurableApplicationContext hub, int runs) {
        QueryEngine engine = hub.getBean(QueryEngine.class);
        QueryCache cache = hub.getBean(QueryCache.class);
        double[] millis = new double[runs];
        for (int i = -5; i < runs; i++) {
            cache.clear();
            long start = System.nanoTime();
            expectAnswered(engine.ask("herd-register", Map.of("asOf", AS_OF.toString()), "bench",
                    CommandSource.api("bench")), false);
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        return Measure.median(millis);
    }

    /** p50 milliseconds of a farm-summary answered from the cache. */
    private static double cachedP50(ConfigurableApplicationContext hub, int asks) {
        QueryEngine engine = hub.getBean(QueryEngine.class);
        Map<String, String> asOf = Map.of("asOf", AS_OF.toString());
        expectAnswered(engine.ask("farm-summary", asOf, "bench", CommandSource.api("bench")), false);
        double[] millis = new double[asks];
        for (int i = -asks / 5; i < asks; i++) {
            long start = System.nanoTime();
            expectAnswered(engine.ask("farm-summary", asOf, "bench", CommandSource.api("bench")), true);
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        return Measure.percentile(millis, 50);
    }

    /** Median milliseconds of the pure query over every stream it reads, already in memory. */
    private static double pureMillis(ConfigurableApplicationContext hub, FarmQuery<Bitemporal, ?> query, int runs) {
        EventStore store = hub.getBean(EventStore.class);
        EventTypeRegistry types = Farm.registerEvents(new EventTypeRegistry());
        List<EventEnvelope> all = new ArrayList<>();
        for (var aggregate : query.aggregates()) {
            for (StreamVersion stream : store.list("farm", aggregate.type())) {
                all.addAll(store.read(stream.stream()));
            }
        }
        FarmStreams streams = FarmStreams.of(types, all);
        Bitemporal when = ((Parsed.Valid<Bitemporal>) query.parse(Map.of("asOf", AS_OF.toString()), AS_OF))
                .parameters();
        double[] millis = new double[runs];
        for (int i = -5; i < runs; i++) {
            long start = System.nanoTime();
            query.run(when, streams);
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        return Measure.median(millis);
    }

    private static void expectAnswered(Asked asked, boolean cached) {
        if (!(asked instanceof Asked.Answered answered) || answered.outcome().answer().cached() != cached) {
            throw new IllegalStateException("expected a" + (cached ? " cached" : " fresh") + " answer, got " + asked);
        }
    }

    /** Runs only these figures: {@code target/bench-queries/report.md}. */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench-queries");
        Report report = new Report();
        run(out.resolve("data-" + System.nanoTime()), report);
        report.write(out);
        System.exit(0);
    }
}
