package io.farmhub.farm.query;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.StreamId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a query run reads: the stored envelopes of the streams it selected, stream by stream, and the registry
 * that types them. Wherever they come from (SQLite, append blobs, a test), a query sees them only through this.
 */
public record FarmStreams(EventTypeRegistry registry, Map<StreamId, List<EventEnvelope>> envelopes) {

    public FarmStreams {
        // Sorted by stream name and by version, so a run reads in one stable order whatever the store returned.
        Map<StreamId, List<EventEnvelope>> sorted = new TreeMap<>(Comparator.comparing(StreamId::toString));
        envelopes.forEach((stream, list) -> sorted.put(stream, list.stream()
                .sorted(Comparator.comparingLong(EventEnvelope::version)).toList()));
        envelopes = java.util.Collections.unmodifiableMap(sorted);
    }

    /** Groups envelopes of any streams by their stream. */
    public static FarmStreams of(EventTypeRegistry registry, Collection<EventEnvelope> envelopes) {
        Map<StreamId, List<EventEnvelope>> byStream = new TreeMap<>(Comparator.comparing(StreamId::toString));
        for (EventEnvelope e : envelopes) {
            byStream.computeIfAbsent(e.streamId(), s -> new ArrayList<>()).add(e);
        }
        return new FarmStreams(registry, byStream);
    }

    /** The streams of one aggregate type, by key. */
    public List<StreamId> ofType(String aggregateType) {
        return envelopes.keySet().stream()
                .filter(s -> s.domain().equals("farm") && s.aggregate().equals(aggregateType))
                .toList();
    }

    public List<EventEnvelope> of(StreamId stream) {
        return envelopes.getOrDefault(stream, List.of());
    }
}
