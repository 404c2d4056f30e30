package io.farmhub.projection;

import java.time.Instant;

/**
 * Where a rebuild stands, readable while it runs ({@code GET /api/projections/{projection}/rebuild}).
 *
 * @param state          BUILDING (folding the streams into the new generation), CATCHING_UP (folding what was
 *                       appended meanwhile), SWITCHED (the new generation serves reads), FAILED
 * @param done           events folded so far
 * @param total          events in the streams when the rebuild listed them
 * @param eventsPerSecond the rate so far
 * @param secondsLeft    estimated time left at that rate; null until there is a rate
 */
public record RebuildProgress(String projection, int generation, String state, long done, long total,
        double eventsPerSecond, Double secondsLeft, Instant startedAt, Instant finishedAt, String error) {

    public static final String BUILDING = "BUILDING";
    public static final String CATCHING_UP = "CATCHING_UP";
    public static final String SWITCHED = "SWITCHED";
    public static final String FAILED = "FAILED";

    public boolean running() {
        return BUILDING.equals(state) || CATCHING_UP.equals(state);
    }
}
