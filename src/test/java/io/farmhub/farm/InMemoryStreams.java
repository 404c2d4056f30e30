package io.farmhub.farm;

import io.farmhub.core.Aggregate;
import io.farmhub.core.Decision;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.StreamChange;
import io.farmhub.core.StreamId;
import io.farmhub.core.StreamStates;
import io.farmhub.core.Versioned;
import io.farmhub.farm.StoredEvents.Provenance;
import io.farmhub.farm.query.FarmStreams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Event streams held in memory, for tests: given events ({@link #with}) or the changes of accepted decisions
 * ({@link #append}, checked against the expected versions as the store does). As {@link StreamStates} it folds
 * each stream with the aggregate's own evolve, at version = its event count, exactly as the pipeline's reader
 * does; as {@link #farmStreams} it hands queries the stored envelopes, provenance and recording times included.
 */
public final class InMemoryStreams implements StreamStates {

    private record Entry(DomainEvent event, Provenance provenance) {
    }

    private final Map<StreamId, List<Entry>> streams = new LinkedHashMap<>();

    public InMemoryStreams with(StreamId stream, DomainEvent... events) {
        for (DomainEvent e : events) {
            entries(stream).add(new Entry(e, StoredEvents.DEFAULT));
        }
        return this;
    }

    public InMemoryStreams with(Aggregate<?> aggregate, String key, DomainEvent... events) {
        return with(aggregate.stream(key), events);
    }

    /** Appends what the decision changes, as the command pipeline would: every stream at its expected version. */
    public InMemoryStreams append(Decision.Accepted decision, Provenance provenance) {
        for (StreamChange change : decision.changes()) {
            if (entries(change.stream()).size() != change.expectedVersion()) {
                throw new IllegalStateException(change.stream() + " is at version " + entries(change.stream()).size()
                        + ", not " + change.expectedVersion());
            }
        }
        for (StreamChange change : decision.changes()) {
            for (DomainEvent e : change.events()) {
                entries(change.stream()).add(new Entry(e, provenance));
            }
        }
        return this;
    }

    @Override
    public <S> Versioned<S> get(Aggregate<S> aggregate, String key) {
        List<DomainEvent> events = streams.getOrDefault(aggregate.stream(key), List.of()).stream()
                .map(Entry::event).toList();
        return new Versioned<>(aggregate.stream(key), events.size(), aggregate.fold(events));
    }

    @Override
    public List<String> keys(Aggregate<?> aggregate) {
        return streams.keySet().stream()
                .filter(s -> s.domain().equals(aggregate.domain()) && s.aggregate().equals(aggregate.type()))
                .map(StreamId::key)
                .toList();
    }

    /** Every stream as stored envelopes, for queries. */
    public FarmStreams farmStreams(EventTypeRegistry registry) {
        Map<StreamId, List<EventEnvelope>> envelopes = new LinkedHashMap<>();
        streams.forEach((stream, entries) -> {
            List<EventEnvelope> stored = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                stored.add(StoredEvents.envelope(registry, stream, i + 1, entries.get(i).event(),
                        entries.get(i).provenance()));
            }
            envelopes.put(stream, stored);
        });
        return new FarmStreams(registry, envelopes);
    }

    private List<Entry> entries(StreamId stream) {
        return streams.computeIfAbsent(stream, s -> new ArrayList<>());
    }
}
