package io.farmhub.intake;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The sensor drain's measured pace, in readings per second, so that health and the 503's {@code Retry-After} say how
 * long the backlog really takes instead of a fixed guess. The drain reports each step with {@link #drained(int)};
 * the rate is what was reported over the last {@code farmhub.sensors.drain.rate-window} (60 s) divided by that
 * window, or, while the first report is younger than the window, what was reported after the first report divided by
 * the time since it (the first report's readings were drained before it, over a time nobody measured).
 *
 * <p>Not measured ({@link OptionalDouble#empty()}) until two reports have been made at different times. A drain that
 * stops reporting (stalled, or idle with nothing to drain) decays to 0 within one window: that is the truth about this
 * hub's drain. Reports are kept in buckets of 1/60 of the window, so a drain that reports every reading costs no more
 * memory than one that reports every chunk. Elapsed time comes from a monotonic {@link Ticker} ({@code System.nanoTime}),
 * not from the wall clock, which tests may fix and an NTP step may move.
 */
@Component
public class DrainRate {

    /** Monotonic nanoseconds; a test hub may register one it moves itself. */
    @FunctionalInterface
    public interface Ticker {
        long nanos();
    }

    private static final int BUCKETS = 60;

    private final long windowNanos;
    private final long bucketNanos;
    private final Ticker ticker;
    /** Buckets {start, last report, readings}, oldest first, none older than the window. */
    private final Deque<long[]> buckets = new ArrayDeque<>();
    private long reports;
    private long firstAt;
    private long firstCount;

    @Autowired
    public DrainRate(@Value("${farmhub.sensors.drain.rate-window:60s}") Duration window,
            ObjectProvider<Ticker> ticker) {
        this(window, ticker.getIfUnique(() -> System::nanoTime));
    }

    DrainRate(Duration window, Ticker ticker) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("farmhub.sensors.drain.rate-window must be positive, not " + window);
        }
        this.windowNanos = window.toNanos();
        this.bucketNanos = Math.max(1, windowNanos / BUCKETS);
        this.ticker = ticker;
    }

    /** The drain has just finished {@code count} more readings (moved its cursor past them). */
    public synchronized void drained(int count) {
        if (count <= 0) {
            return;
        }
        long now = ticker.nanos();
        if (reports++ == 0) {
            firstAt = now;
            firstCount = count;
        }
        long start = now - Math.floorMod(now, bucketNanos);
        long[] last = buckets.peekLast();
        if (last != null && last[0] == start) {
            last[1] = now;
            last[2] += count;
        } else {
            buckets.addLast(new long[] {start, now, count});
        }
        forgetBefore(now);
    }

    /** Readings per second over the window; empty until measured. */
    public synchronized OptionalDouble perSecond() {
        if (reports < 2) {
            return OptionalDouble.empty();
        }
        long now = ticker.nanos();
        forgetBefore(now);
        long readings = 0;
        for (long[] bucket : buckets) {
            readings += bucket[2];
        }
        long since = now - firstAt;
        if (since >= windowNanos) {
            return OptionalDouble.of(readings * 1e9 / windowNanos);
        }
        if (since <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((readings - firstCount) * 1e9 / since);
    }

    /**
     * Seconds until {@code backlog} readings are drained at the measured rate, rounded up: 0 for no backlog, empty
     * when the rate is not measured yet or is 0 (the drain makes no progress: no estimate is honest).
     */
    public OptionalLong secondsToDrain(long backlog) {
        if (backlog <= 0) {
            return OptionalLong.of(0);
        }
        OptionalDouble rate = perSecond();
        if (rate.isEmpty() || rate.getAsDouble() <= 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) Math.ceil(backlog / rate.getAsDouble()));
    }

    private void forgetBefore(long now) {
        while (!buckets.isEmpty() && now - buckets.peekFirst()[1] >= windowNanos) {
            buckets.removeFirst();
        }
    }
}
