package io.farmhub.eventstore;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.StreamId;
import java.util.List;

/** What an append did: either the events are stored (now, or by an earlier identical append), or it conflicted. */
public sealed interface AppendResult {

    StreamId stream();

    /**
     * The batch is stored.
     *
     * @param events    the stored envelopes, with their versions and recordedAt
     * @param duplicate true when every event id was already stored: nothing was written this time
     */
    record Appended(StreamId stream, List<EventEnvelope> events, boolean duplicate) implements AppendResult {
        public long firstVersion() {
            return events.isEmpty() ? 0 : events.get(0).version();
        }

        public long lastVersion() {
            return events.isEmpty() ? 0 : events.get(events.size() - 1).version();
        }
    }

    /** The stream had moved on: the caller read {@code expectedVersion} but the stream is at {@code actualVersion}. */
    record Conflict(StreamId stream, long expectedVersion, long actualVersion) implements AppendResult {
    }
}
