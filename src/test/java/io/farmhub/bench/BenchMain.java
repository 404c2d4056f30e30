package io.farmhub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The benchmark harness: {@code ./mvnw -Pbench verify} runs every benchmark ({@link #selected}) and writes
 * {@code target/bench/report.json} and {@code target/bench/report.md}. Benchmarks are not tests: they
 * measure, beside a baseline from the same run, and never fail on a number.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        Path data = out.resolve("data");
        clean(data);
        Files.createDirectories(data);
        Report report = new Report();
        try {
            if (selected("fsync")) {
                FsyncBench.run(data, report);
            }
            if (selected("store")) {
                StoreBench.run(data, report);
            }
            if (selected("commands")) {
                CommandBench.run(data, report);
            }
            if (selected("projections")) {
                ProjectionBench.run(data, report);
            }
            if (selected("appendblob")) {
                AppendBlobBench.run(report);
            }
            if (selected("queries")) {
                QueryBench.run(data, report);
            }
            if (selected("sensors") || selected("inbox")) {
                IntakeBench.run(data, report);
            }
        } finally {
            report.add(Figure.of("memory.peak-rss", Measure.peakRssMiB(), "MiB", "of the benchmark process"));
            report.write(out);
            clean(data);
        }
        System.out.println("[bench] report: " + out.resolve("report.md").toAbsolutePath());
        System.exit(0); // Azurite and pools are stopped by shutdown hooks
    }

    /**
     * Whether a group of figures runs: all of them, unless {@code -Dbench.only} names some, comma separated (fsync,
     * store, commands, projections, appendblob, queries, sensors, inbox): {@code ./mvnw -Pbench verify -Dbench.only=sensors}.
     */
    static boolean selected(String group) {
        String only = System.getProperty("bench.only", "").strip();
        return only.isEmpty() || java.util.Arrays.asList(only.split("\\s*,\\s*")).contains(group);
    }

    private static void clean(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
