package io.farmhub.projection;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** The live counters of one rebuild; {@link #progress} is a consistent reading of them at any moment. */
final class RebuildRun {

    private final String projection;
    private final int generation;
    private final Clock clock;
    private final Instant startedAt;
    private final long startedNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private volatile long total;
    private volatile String state = RebuildProgress.BUILDING;
    private volatile Instant finishedAt;
    private volatile long finishedNanos;
    private volatile String error;

    RebuildRun(String projection, int generation, Clock clock) {
        this.projection = projection;
        this.generation = generation;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    int generation() {
        return generation;
    }

    void total(long events) {
        total = events;
    }

    void folded(long events) {
        done.addAndGet(events);
    }

    void state(String newState) {
        state = newState;
    }

    void finished(String finalState, String failure) {
        error = failure;
        finishedNanos = System.nanoTime();
        finishedAt = clock.instant();
        state = finalState;
    }

    RebuildProgress progress() {
        long d = done.get();
        long end = finishedAt == null ? System.nanoTime() : finishedNanos;
        double seconds = (end - startedNanos) / 1e9;
        double rate = seconds > 0 ? d / seconds : 0;
        Double left = rate > 0 ? Math.max(0, total - d) / rate : null;
        if (finishedAt != null) {
            left = 0.0;
        }
        return new RebuildProgress(projection, generation, state, d, total, rate, left, startedAt, finishedAt, error);
    }
}
