package io.farmhub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The benchmark harness: {@code ./mvnw -Pbench verify} runs every benchmark and writes
 * {@code target/bench/report.json} and {@code target/bench/report.md}; {@code -Dbench.only=inbox,sensors} runs
 * some of them ({@link Selection}). Benchmarks are not tests: they measure, beside a baseline from the same run,
 * and never fail on a number.
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
            if (Selection.any("fsync")) {
                FsyncBench.run(data, report);
            }
            if (Selection.any("store")) {
                StoreBench.run(data, report);
            }
            Figure inProcess = null;
            if (Selection.any("commands")) {
                inProcess = CommandBench.run(data, report);
            }
            if (Selection.any(BarnContendedBench.NAME)) {
                BarnContendedBench.run(data, report, inProcess);
            }
            if (Selection.any("projections")) {
                ProjectionBench.run(data, report);
            }
            if (Selection.any("append-blob")) {
                AppendBlobBench.run(report);
            }
            if (Selection.any("queries")) {
                QueryBench.run(data, report);
            }
            if (Selection.any(IntakeBench.PARTS)) {
                IntakeBench.run(data, report);
            }
            if (Selection.any(SensorEndToEndBench.NAME)) {
                SensorEndToEndBench.run(data, report);
            }
            if (Selection.named(SensorSoakBench.NAME)) { // twenty minutes: only when asked for by name
                SensorSoakBench.run(data, report);
            }
        } finally {
            report.add(Figure.of("memory.peak-rss", Measure.peakRssMiB(), "MiB", "of the benchmark process"));
            report.write(out);
            clean(data);
        }
        System.out.println("[bench] report: " + out.resolve("report.md").toAbsolutePath());
        System.exit(0); // Azurite and pools are stopped by shutdown hooks
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
