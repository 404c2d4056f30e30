package io.farmhub.core;

import java.util.List;

/**
 * Events a decision appends to one stream, with the version the decision read that stream at: the
 * pipeline appends with it as the expected version, so a concurrent change makes it decide again.
 */
public record StreamChange(StreamId stream, long expectedVersion, List<? extends DomainEvent> events) {

    public StreamChange {
        events = List.copyOf(events);
    }
}
