package io.farmhub.intake;

import java.util.OptionalDouble;

/**
 * The {@code Retry-After} of a 503 for a full sensor backlog: the seconds the drain needs for the backlog at its
 * measured rate, {@code ceil(backlog / rate)}, clamped to {@code min..max} so a gateway neither hammers the hub nor
 * waits for hours on an estimate. While no rate is measured yet the configured {@code fallback}; a measured rate of 0
 * (the drain is making no progress on this hub) is {@code max}: sending again soon would only be refused again.
 */
public record RetryAfter(int fallback, int min, int max) {

    public RetryAfter {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("Retry-After bounds must be 1 <= min <= max, not " + min + ".." + max);
        }
        fallback = Math.max(min, Math.min(max, fallback));
    }

    public int seconds(long backlog, OptionalDouble perSecond) {
        if (perSecond.isEmpty()) {
            return fallback;
        }
        double rate = perSecond.getAsDouble();
        if (rate <= 0) {
            return max;
        }
        double seconds = Math.ceil(Math.max(0, backlog) / rate);
        return (int) Math.max(min, Math.min(max, seconds));
    }
}
