package io.farmhub.bench;

import io.farmhub.commands.CommandGateway;
import io.farmhub.core.CommandRequest;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * commands.latency: commands submitted at a steady 500 per second, each at its appointed time whatever happened
 * to the ones before (an open loop: a slow hub does not slow the sender down, so its slowness shows in the
 * figures instead of hiding). Latency runs from the appointed time of submission to COMPLETED. 1,000 commands warm
 * the hub up, then 5,000 (ten seconds) are measured.
 */
final class SteadyLoad {

    private static final int PER_SECOND = 500;
    private static final int WARM_UP = 1_000;
    private static final int MEASURED = 5_000;
    /** Enough senders that a submission waiting for its fsync never holds the next one back. */
    private static final int SENDERS = 32;

    private SteadyLoad() {
    }

    static void run(CommandGateway gateway, HerdWorkload herd, Report report) throws Exception {
        latenciesMs(gateway, herd.next(WARM_UP));
        double[] ms = latenciesMs(gateway, herd.next(MEASURED));
        Figure p50 = report.add(Figure.of("commands.latency.p50", Measure.percentile(ms, 50), "ms",
                "submission to COMPLETED at a steady 500 commands/s"));
        report.add(Figure.against("commands.latency.p99", Measure.percentile(ms, 99), "ms", p50,
                "≤ 250 ms (ratio: p99 / p50)"));
    }

    private static double[] latenciesMs(CommandGateway gateway, List<CommandRequest> batch) throws Exception {
        Completions completions = new Completions(gateway, batch);
        long[] due = paced(batch.size(), TimeUnit.SECONDS.toNanos(1) / PER_SECOND, SENDERS,
                (i, appointed) -> CommandBench.accepted(gateway.submit(batch.get(i)), batch.get(i)));
        completions.await(Duration.ofMinutes(2));
        double[] ms = new double[batch.size()];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = (completions.completedAt(i) - due[i]) / 1e6;
        }
        return ms;
    }

    /** One of a paced run's sends: its number and appointed time ({@link System#nanoTime}). */
    @FunctionalInterface
    interface Send {
        void send(int i, long appointed) throws Exception;
    }

    /**
     * The open loop: {@code count} sends, send {@code i} handed to one of {@code senders} threads at its appointed
     * time ({@code i × periodNanos} after the start), whatever happened to the ones before. Returns once every send
     * has returned, with each send's appointed time ({@link System#nanoTime}); the first failure stops the run.
     */
    static long[] paced(int count, long periodNanos, int senders, Send send) throws Exception {
        Queue<Exception> errors = new ConcurrentLinkedQueue<>();
        long[] due = new long[count];
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
            for (int i = 0; i < count && errors.isEmpty(); i++) {
                due[i] = start + i * periodNanos;
                for (long wait; (wait = due[i] - System.nanoTime()) > 0; ) {
                    LockSupport.parkNanos(wait);
                }
                int n = i;
                long appointed = due[i];
                pool.execute(() -> {
                    try {
                        send.send(n, appointed);
                    } catch (Exception e) {
                        errors.add(e);
                    }
                });
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(2, TimeUnit.MINUTES);
        }
        if (!errors.isEmpty()) {
            throw errors.peek();
        }
        return due;
    }
}
