package io.farmhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/** Small measuring tools shared by the benchmarks: rates over repeated rounds (median), percentiles, RSS. */
public final class Measure {

    private Measure() {
    }

    /** Something that does {@code n} operations of a kind and can be repeated. */
    @FunctionalInterface
    public interface Round {
        void run(int n) throws Exception;
    }

    /** A round that times itself (leaving out its preparation) and answers its operations per second. */
    @FunctionalInterface
    public interface RatedRound {
        double run(int n) throws Exception;
    }

    /** How long {@link #medianOfRounds} warms up before it measures. */
    static final Duration WARM_UP = Duration.ofSeconds(8);

    /**
     * Runs rounds of {@code n} for at least {@link #WARM_UP} to warm up, then {@code rounds} rounds of {@code n};
     * the median of their rates.
     */
    public static double medianOfRounds(int rounds, int n, RatedRound round) throws Exception {
        // Whole rounds until the JIT has seen WARM_UP of this work: a hub's rate still climbs for seconds after
        // its first round (C2 compiles the workflow's hot paths late), and the baseline is warmed the same way.
        long until = System.nanoTime() + WARM_UP.toNanos();
        do {
            round.run(n);
        } while (System.nanoTime() < until);
        double[] rates = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            rates[i] = round.run(n);
        }
        return median(rates);
    }

    /** Runs a warm-up round, then {@code rounds} rounds of {@code n} operations; the median operations per second. */
    public static double medianRate(int rounds, int n, Round round) throws Exception {
        round.run(Math.max(1, n / 5));
        double[] rates = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            round.run(n);
            rates[i] = n / ((System.nanoTime() - start) / 1e9);
        }
        return median(rates);
    }

    /** Operations per second of one round of {@code n}. */
    public static double rate(int n, Round round) throws Exception {
        long start = System.nanoTime();
        round.run(n);
        return n / ((System.nanoTime() - start) / 1e9);
    }

    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The p-th percentile (0..100) of the values, nearest rank. */
    public static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** This process's peak resident set size in MiB (Linux VmHWM), or -1 where /proc is not there. */
    public static double peakRssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
