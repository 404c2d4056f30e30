package io.farmhub.queries;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.StreamId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the fan-out read: every stream of the run with all its stored envelopes (asOf and knownAt are the pure
 * query's to apply, so that the versions it reports are the streams' versions, hidden events included). Chunks
 * read in parallel add into one; {@link #versions} is what a cached answer is checked against.
 */
public final class StreamsRead {

    private final Map<StreamId, List<EventEnvelope>> envelopes = new ConcurrentHashMap<>();

    void add(StreamId stream, List<EventEnvelope> read) {
        envelopes.put(stream, read);
    }

    StreamsRead addAll(StreamsRead other) {
        envelopes.putAll(other.envelopes);
        return this;
    }

    Map<StreamId, List<EventEnvelope>> envelopes() {
        return envelopes;
    }

    int streams() {
        return envelopes.size();
    }

    int events() {
        return envelopes.values().stream().mapToInt(List::size).sum();
    }

    /** Each stream read with the version it had when read (0 for a stream with no events yet). */
    Map<StreamId, Long> versions() {
        Map<StreamId, Long> versions = new java.util.HashMap<>();
        envelopes.forEach((stream, list) -> versions.put(stream, list.isEmpty() ? 0L : list.get(list.size() - 1).version()));
        return versions;
    }
}
