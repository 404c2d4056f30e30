package io.farmhub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code sensors.journal.bytes-after-soak}: what the sensor journal takes on disk ({@link JournalSize}) after
 * {@link MilkLoad} has kept 5,000 readings/s going for {@code -Dbench.sensors.soak.seconds} (default 600) on a
 * hub with a short retention ({@code farmhub.sensors.journal.retention} = {@code -Dbench.sensors.soak.retention},
 * default 1m, looked at every {@code -Dbench.sensors.soak.retention-period}, default 30s, the first look one period
 * after start-up), against {@code sensors.journal.bytes-without-retention}: the same run on a fresh hub with the
 * retention route off. The size is sampled every {@code -Dbench.sensors.soak.sample-seconds} (default 60) during
 * each run; {@code sensors.journal.bytes-after-soak.second-half-growth} is the size at the end over the first
 * sample of the second half (≈ 1 when the journal stays flat; the last over the largest would be 1 for a journal that
 * only grows, too), with the readings still undrained, which no retention may delete. Beside them, both runs' whole {@code farmhub.db} + WAL, and the rate each
 * run achieved: a journal that stays small because the hub refused the load would prove nothing.
 *
 * <p>Two runs of ten minutes: not part of the default run, nor of {@code -Dbench.only=sensors}. Run it by name:
 * <pre>
 * java -Xmx4g -Dbench.only=sensors.journal.bytes-after-soak -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     io.farmhub.bench.BenchMain target/bench-soak
 * </pre>
 * and, for a short look, {@code -Dbench.sensors.soak.seconds=120 -Dbench.sensors.soak.sample-seconds=15}.
 */
final class SensorSoakBench {

    static final String NAME = "sensors.journal.bytes-after-soak";
    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("bench.sensors.soak.seconds", 600));
    private static final Duration SAMPLE_EVERY =
            Duration.ofSeconds(Long.getLong("bench.sensors.soak.sample-seconds", 60));
    private static final Duration RETENTION = Duration.parse("PT" + System.getProperty("bench.sensors.soak.retention",
            "1m").toUpperCase(Locale.ROOT));
    private static final Duration RETENTION_PERIOD = Duration.parse("PT" + System.getProperty(
            "bench.sensors.soak.retention-period", "30s").toUpperCase(Locale.ROOT));

    private SensorSoakBench() {
    }

    /** One soak: the samples taken during the load, the size at its end, and what the load delivered. */
    private record Soak(List<JournalSize> samples, JournalSize after, MilkLoad.Result load) {

        String samplesMiB() {
            return samples.stream().map(s -> String.format(Locale.ROOT, "%.1f", JournalSize.mib(s.journalBytes())))
                    .collect(Collectors.joining(" · "));
        }
    }

    static void run(Path dir, Report report) throws Exception {
        Soak kept = soak(dir.resolve("soak-without-retention"),
                "--farmhub.sensors.journal.retention-enabled=false");
        long period = RETENTION_PERIOD.toMillis();
        Soak retained = soak(dir.resolve("soak-with-retention"),
                "--farmhub.sensors.journal.retention=" + RETENTION.toMillis() + "ms",
                "--farmhub.sensors.journal.retention-period=" + period + "ms",
                "--farmhub.routes.sensor-journal-retention=timer:sensor-journal-retention?delay=" + period
                        + "&period=" + period);

        String load = " after " + DURATION.toSeconds() + " s at " + MilkLoad.PER_SECOND + " readings/s";
        Figure baseline = report.add(Figure.of("sensors.journal.bytes-without-retention",
                JournalSize.mib(kept.after().journalBytes()), "MiB", "the journal's pages in farmhub.db" + load
                        + ", retention off; samples MiB: " + kept.samplesMiB()));
        report.add(Figure.against(NAME, JournalSize.mib(retained.after().journalBytes()), "MiB", baseline,
                "flat, well under the baseline: the journal's pages" + load + ", retention " + RETENTION
                        + " looked at every " + RETENTION_PERIOD + "; samples MiB: " + retained.samplesMiB()));
        // Last over max would be 1 for a journal that only grows, too: growth over the second half tells them apart.
        List<JournalSize> secondHalf = retained.samples().subList(retained.samples().size() / 2,
                retained.samples().size());
        double from = secondHalf.isEmpty() ? 0 : secondHalf.get(0).journalBytes();
        long max = secondHalf.stream().mapToLong(JournalSize::journalBytes).max().orElse(0);
        report.add(Figure.of(NAME + ".second-half-growth", from == 0 ? 0 : retained.after().journalBytes() / from,
                "ratio", String.format(Locale.ROOT, "≈ 1 when flat (> 1: still growing): the size at the end over the"
                        + " first sample of the second half (%d samples, every %d s; the second half's largest %.1f"
                        + " MiB). Of the %,d readings left in the journal, %,d not drained yet: the retention deletes"
                        + " drained streams only", retained.samples().size(), SAMPLE_EVERY.toSeconds(),
                        JournalSize.mib(max), retained.after().journalRows() * MilkLoad.BATCH,
                        retained.load().backlog())));
        Figure keptFile = report.add(Figure.of("sensors.journal.db-bytes-without-retention",
                JournalSize.mib(kept.after().fileBytes()), "MiB", "farmhub.db and its WAL" + load
                        + ", retention off: the journal and the readings' commands and events"));
        report.add(Figure.against("sensors.journal.db-bytes-after-soak", JournalSize.mib(retained.after().fileBytes()),
                "MiB", keptFile, "farmhub.db and its WAL" + load + " with retention (of it free pages: "
                        + String.format(Locale.ROOT, "%.1f", JournalSize.mib(retained.after().freeBytes()))
                        + " MiB): what the deleted journal streams gave back to the file, beside the same run without;"
                        + " the drained readings' commands and events are in it too, so it compares only when both"
                        + " runs drained alike (their backlogs, below)"));
        Figure keptRate = report.add(Figure.of("sensors.journal.soak-rate-without-retention",
                kept.load().perSecond(), "readings/s", MilkLoad.PER_SECOND + " asked: " + kept.load().describe()));
        report.add(Figure.against("sensors.journal.soak-rate", retained.load().perSecond(), "readings/s", keptRate,
                MilkLoad.PER_SECOND + " asked, with retention: " + retained.load().describe()));
    }

    private static Soak soak(Path data, String... properties) throws Exception {
        try (BenchHub hub = MilkLoad.hub(data, properties)) {
            MilkLoad load = MilkLoad.on(hub, 0);
            Path db = data.resolve("farmhub.db");
            if (!Files.exists(db)) {
                throw new IllegalStateException("no event store at " + db + ": is the hub on the embedded profile?");
            }
            List<JournalSize> samples = new CopyOnWriteArrayList<>();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> {
                try {
                    JournalSize size = JournalSize.of(db);
                    samples.add(size);
                    System.out.printf(Locale.ROOT, "[bench] soak %s sample %d: journal %d rows, %.1f MiB; file %.1f"
                            + " MiB%n", data.getFileName(), samples.size(), size.journalRows(),
                            JournalSize.mib(size.journalBytes()), JournalSize.mib(size.fileBytes()));
                } catch (Exception e) { // a lost sample shows in the count; the soak goes on
                    System.err.println("[bench] cannot measure the journal in " + db + ": " + e);
                }
            }, SAMPLE_EVERY.toMillis(), SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            MilkLoad.Result result;
            try {
                result = load.run(MilkLoad.batchesIn(DURATION), null);
            } finally {
                sampler.shutdownNow();
                sampler.awaitTermination(1, TimeUnit.MINUTES);
            }
            JournalSize after = JournalSize.of(db);
            System.out.printf(Locale.ROOT, "[bench] soak %s: %s; journal %d rows, %.1f MiB; file %.1f MiB%n",
                    data.getFileName(), result.describe(), after.journalRows(), JournalSize.mib(after.journalBytes()),
                    JournalSize.mib(after.fileBytes()));
            return new Soak(List.copyOf(samples), after, result);
        }
    }
}
