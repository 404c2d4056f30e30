package io.farmhub.projection;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of one stream that the followers of a notification need, read from the store at most once for
 * all of them (each asks from its own cached version) and decoded once.
 */
final class StreamEvents {

    /** One stored event and its typed form. */
    record Stored(EventEnvelope envelope, Object event) {
    }

    private final EventStore store;
    private final EventTypeRegistry registry;
    private final StreamId stream;
    private long loadedAfter = Long.MAX_VALUE;
    private List<Stored> loaded = List.of();

    StreamEvents(EventStore store, EventTypeRegistry registry, StreamId stream) {
        this.store = store;
        this.registry = registry;
        this.stream = stream;
    }

    StreamId stream() {
        return stream;
    }

    /** Every event after {@code version}, up to the stream's end (a gap is simply more events). */
    List<Stored> after(long version) {
        if (version < loadedAfter) {
            List<Stored> read = new ArrayList<>();
            for (EventEnvelope e : store.read(stream, version + 1)) {
                read.add(new Stored(e, registry.toEvent(e)));
            }
            loaded = read;
            loadedAfter = version;
        }
        int skip = (int) Math.min(loaded.size(), version - loadedAfter);
        return loaded.subList(skip, loaded.size());
    }
}
