package io.farmhub.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The most heap that stayed in use while something ran, above what was in use before it started. Live memory, not
 * garbage: the heap is collected ({@code System.gc()}) before each look, every {@code period} milliseconds, so what
 * is left is what something still holds. Costly (a full collection per look), so for memory figures only, never in
 * a timed one.
 */
final class HeapPeak implements AutoCloseable {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final long baseline;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "heap-peak");
        t.setDaemon(true);
        return t;
    });
    private volatile long peak;
    private volatile int samples;

    private HeapPeak(long periodMillis) {
        this.baseline = live();
        this.peak = baseline;
        sampler.scheduleWithFixedDelay(this::sample, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    static HeapPeak start(long periodMillis) {
        return new HeapPeak(periodMillis);
    }

    /** MiB above the baseline at the highest look so far (the last look is taken now). */
    double aboveBaselineMiB() {
        sample();
        return (peak - baseline) / (1024.0 * 1024.0);
    }

    int samples() {
        return samples;
    }

    private synchronized void sample() {
        long now = live();
        samples++;
        if (now > peak) {
            peak = now;
        }
    }

    private static long live() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdownNow();
        sampler.awaitTermination(1, TimeUnit.MINUTES);
    }
}
