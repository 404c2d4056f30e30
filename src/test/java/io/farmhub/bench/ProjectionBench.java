package io.farmhub.bench;

import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.StreamVersion;
import io.farmhub.eventstore.sqlite.SqliteEventStore;
import io.farmhub.farm.Farm;
import io.farmhub.projection.ProjectionRebuild;
import io.farmhub.projection.ProjectionReconciliation;
import io.farmhub.projection.ProjectionRunner;
import io.farmhub.projection.RebuildProgress;
import io.farmhub.projection.SqliteSnapshotStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The read side's figures. {@code projections.rebuild}: 1,000,000 cow events (1,000 cows of 1,000 events) folded
 * into a fresh generation of {@code cow-summary}, against {@code read.replay} (replaying as many events) from the
 * same run. {@code notify.lag}: see {@link NotifyLagBench}.
 */
final class ProjectionBench {

    static final EventTypeRegistry REGISTRY = Farm.registerEvents(new EventTypeRegistry());
    private static final int COWS = 1_000;
    private static final int EVENTS_PER_COW = 1_000;

    private ProjectionBench() {
    }

    static void run(Path dir, Report report) throws Exception {
        rebuild(dir, report);
        NotifyLagBench.run(dir, report);
    }

    /** Just this part of the harness: {@code java ... io.farmhub.bench.ProjectionBench [out-dir]}. */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench-projections");
        Path data = out.resolve("data");
        Files.createDirectories(data);
        Report report = new Report();
        run(data, report);
        report.write(out);
        System.exit(0);
    }

    private static void rebuild(Path dir, Report report) throws Exception {
        try (EventStore events = new SqliteEventStore(dir.resolve("projections-events.db"));
                SqliteSnapshotStore snapshots = new SqliteSnapshotStore(dir.resolve("projections.db"))) {
            append(events);
            ProjectionRunner runner = new ProjectionRunner(events, REGISTRY, snapshots, () -> null, Clock.systemUTC());
            int threads = Runtime.getRuntime().availableProcessors();
            try (ProjectionRebuild rebuild = new ProjectionRebuild(runner, new ProjectionReconciliation(runner),
                    Clock.systemUTC(), threads)) {
                double rate = Measure.medianRate(3, COWS * EVENTS_PER_COW, n -> {
                    RebuildProgress p = rebuild.run("cow-summary");
                    if (!RebuildProgress.SWITCHED.equals(p.state()) || p.done() < n) {
                        throw new IllegalStateException("rebuild did not finish: " + p);
                    }
                });
                report.add(Figure.against("projections.rebuild", rate, "events/s", baseline(report, events),
                        "≥ 200,000 events/s (" + threads + " threads; cow-summary, 1,000,000 events)"));
            }
        }
    }

    /** read.replay from this run; measured here, on the same events, when only this part runs. */
    private static Figure baseline(Report report, EventStore events) throws Exception {
        try {
            return report.find("read.replay");
        } catch (IllegalStateException notYet) {
            List<StreamVersion> streams = events.list("farm", "cow");
            long total = (long) COWS * EVENTS_PER_COW;
            return report.add(Figure.of("read.replay", Measure.medianRate(3, (int) total, n -> { // all, every round
                long seen = 0;
                for (StreamVersion s : streams) {
                    seen += events.read(s.stream()).size();
                }
                if (seen != total) {
                    throw new IllegalStateException("replayed " + seen + " events, expected " + total);
                }
            }), "events/s", "measured by ProjectionBench alone: the same events read back whole"));
        }
    }

    private static void append(EventStore events) {
        CowHistories histories = new CowHistories(REGISTRY);
        for (int c = 0; c < COWS; c++) {
            StreamId stream = CowHistories.cow(c);
            for (int b = 0; b < EVENTS_PER_COW / 100; b++) {
                List<NewEvent> batch = new ArrayList<>();
                for (int i = 1; i <= 100; i++) {
                    batch.add(histories.event(stream, b * 100L + i));
                }
                if (!(events.append(stream, b * 100L, batch) instanceof AppendResult.Appended)) {
                    throw new IllegalStateException("benchmark append did not go through");
                }
            }
        }
    }
}
