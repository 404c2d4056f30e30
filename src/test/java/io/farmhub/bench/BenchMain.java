package io.farmhub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The benchmark harness: {@code ./mvnw -Pbench verify} runs every benchmark and writes
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
            Set<String> only = Set.of(System.getProperty("bench.only", "all").split(","));
            Group[] groups = {
                    new Group("fsync", () -> FsyncBench.run(data, report)),
                    new Group("store", () -> StoreBench.run(data, report)),
                    new Group("commands", () -> CommandBench.run(data, report)),
                    new Group("projections", () -> ProjectionBench.run(data, report)),
                    new Group("appendblob", () -> AppendBlobBench.run(report)),
                    new Group("queries", () -> QueryBench.run(data, report)),
                    new Group("intake", () -> IntakeBench.run(data, report)),
            };
            for (Group group : groups) {
                if (only.contains("all") || only.contains(group.name())) {
                    group.bench().run();
                }
            }
        } finally {
            report.add(Figure.of("memory.peak-rss", Measure.peakRssMiB(), "MiB", "of the benchmark process"));
            report.write(out);
            clean(data);
        }
        System.out.println("[bench] report: " + out.resolve("report.md").toAbsolutePath());
        System.exit(0); // Azurite and pools are stopped by shutdown hooks
    }

    /** A benchmark group, selected by name with {@code -Dbench.only=name,name}. */
    private record Group(String name, Bench bench) {
    }

    @FunctionalInterface
    private interface Bench {
        void run() throws Exception;
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
