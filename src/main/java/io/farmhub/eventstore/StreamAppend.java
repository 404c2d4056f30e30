package io.farmhub.eventstore;

import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import java.util.List;
import java.util.Objects;

/**
 * One stream's part of {@link EventStore#appendAll}: its events, appended only if the stream is at
 * {@code expectedVersion}. A part with no events is a guard: its version is checked, nothing is written.
 */
public record StreamAppend(StreamId stream, long expectedVersion, List<NewEvent> events) {

    public StreamAppend {
        Objects.requireNonNull(stream, "stream");
        events = List.copyOf(events);
    }

    public static StreamAppend guard(StreamId stream, long expectedVersion) {
        return new StreamAppend(stream, expectedVersion, List.of());
    }

    public boolean isGuard() {
        return events.isEmpty();
    }
}
