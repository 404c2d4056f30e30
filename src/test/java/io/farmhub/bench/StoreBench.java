package io.farmhub.bench;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.Json;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.StreamVersion;
import io.farmhub.eventstore.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SQLite store's figures: one durable append per event from one writer (against fsync.raw), from 16
 * writers on 1,000 streams (against the same workload as plain JDBC transactions), and replaying 1,000,000
 * stored events (against parsing the same envelopes from memory).
 */
final class StoreBench {

    private static final int WRITERS = 16;
    private static final int STREAMS = 1_000;

    private StoreBench() {
    }

    static void run(Path dir, Report report) throws Exception {
        singleWriter(dir, report);
        Figure naive;
        try (NaiveJdbcStore plain = new NaiveJdbcStore(dir.resolve("naive.db"))) {
            naive = report.add(Figure.of("append.naive",
                    concurrentRate(plain::append, 4_000), "events/s", "baseline: one JDBC transaction per append"));
        }
        try (SqliteEventStore store = new SqliteEventStore(dir.resolve("concurrent.db"))) {
            report.add(Figure.against("append.concurrent",
                    concurrentRate((s, v, e) -> expectAppended(store.append(s, v, e)), 40_000), "events/s", naive,
                    "≥ 50,000 events/s and ≥ 5 × append.naive"));
        }
        replay(dir, report);
    }

    /**
     * append.single-writer: rounds of 1,000 appends, each round right after a round of 1,000 raw fsyncs; the
     * baseline is the median of those fsync rounds, so both sides of the ratio saw the same disk.
     */
    private static void singleWriter(Path dir, Report report) throws Exception {
        int rounds = 5;
        int n = 1_000;
        double[] fsyncs = new double[rounds];
        double[] appends = new double[rounds];
        try (FsyncBench probe = new FsyncBench(dir);
                SqliteEventStore store = new SqliteEventStore(dir.resolve("single.db"))) {
            StreamId stream = Workloads.cow(1);
            AtomicLong version = new AtomicLong();
            Measure.Round append = count -> {
                for (int i = 0; i < count; i++) {
                    expectAppended(store.append(stream, version.get(), Workloads.one(stream, i)));
                    version.incrementAndGet();
                }
            };
            append.run(n / 5); // warm-up
            for (int r = 0; r < rounds; r++) {
                fsyncs[r] = Measure.rate(n, probe);
                appends[r] = Measure.rate(n, append);
            }
        }
        Figure fsync = report.add(Figure.of("fsync.raw.interleaved", Measure.median(fsyncs), "fsync/s",
                "the same probe as fsync.raw, run between the rounds of append.single-writer"));
        report.add(Figure.against("append.single-writer", Measure.median(appends), "appends/s", fsync,
                "≥ 0.8 × fsync.raw"));
    }

    interface Appender {
        void append(StreamId stream, long expectedVersion, List<NewEvent> events) throws Exception;
    }

    /** 16 writers, each owning 1/16 of 1,000 streams, one event per append, each waiting for its acknowledgement. */
    private static double concurrentRate(Appender appender, int eventsPerRound) throws Exception {
        long[] versions = new long[STREAMS];
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            return Measure.medianRate(3, eventsPerRound, n -> {
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    writers.add(pool.submit(() -> {
                        for (int i = writer; i < n; i += WRITERS) {
                            int s = (i / WRITERS) % (STREAMS / WRITERS) * WRITERS + writer;
                            StreamId stream = Workloads.cow(s);
                            appender.append(stream, versions[s], Workloads.one(stream, i));
                            versions[s]++;
                        }
                        return null;
                    }));
                }
                for (Future<?> f : writers) {
                    f.get();
                }
            });
        } finally {
            pool.shutdownNow();
        }
    }

    /** read.replay: 1,000 streams of 1,000 events, read back whole and deserialised into envelopes. */
    private static void replay(Path dir, Report report) throws Exception {
        int perStream = 1_000;
        List<String> lines = new ArrayList<>();
        try (SqliteEventStore store = new SqliteEventStore(dir.resolve("replay.db"))) {
            for (int s = 0; s < STREAMS; s++) {
                StreamId stream = Workloads.cow(s);
                for (int b = 0; b < perStream / 100; b++) {
                    List<NewEvent> batch = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        batch.add(Workloads.event(stream, b * 100L + i));
                    }
                    expectAppended(store.append(stream, b * 100L, batch));
                }
            }
            List<StreamVersion> streams = store.list("farm", "cow");
            for (EventEnvelope e : store.read(streams.get(0).stream())) {
                lines.add(Json.MAPPER.writeValueAsString(e));
            }
            long total = (long) STREAMS * perStream;
            double replay = Measure.medianRate(3, (int) total, n -> { // every round (warm-up too) reads all
                long seen = 0;
                for (StreamVersion sv : streams) {
                    seen += store.read(sv.stream()).size();
                }
                if (seen != total) {
                    throw new IllegalStateException("replayed " + seen + " events, expected " + total);
                }
            });
            Figure parse = report.add(Figure.of("read.json-parse", Measure.medianRate(3, STREAMS * perStream, n -> {
                for (int i = 0; i < n; i++) {
                    Json.MAPPER.readValue(lines.get(i % lines.size()), EventEnvelope.class);
                }
            }), "events/s", "baseline: the same envelopes parsed from memory"));
            report.add(Figure.against("read.replay", replay, "events/s", parse, "≥ 300,000 events/s"));
        }
    }

    private static void expectAppended(AppendResult result) {
        if (!(result instanceof AppendResult.Appended)) {
            throw new IllegalStateException("benchmark append did not go through: " + result);
        }
    }

}
