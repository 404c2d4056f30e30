package io.farmhub.farm.cow;

import io.farmhub.core.Aggregate;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.StreamId;
import io.farmhub.core.StreamStates;
import io.farmhub.core.Versioned;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** StreamStates over streams held in memory, for handler tests: states are folded on each read. */
final class InMemoryStreamStates implements StreamStates {

    private final Map<StreamId, List<DomainEvent>> streams = new LinkedHashMap<>();

    InMemoryStreamStates with(StreamId stream, DomainEvent... events) {
        streams.computeIfAbsent(stream, s -> new ArrayList<>()).addAll(Arrays.asList(events));
        return this;
    }

    @Override
    public <S> Versioned<S> get(Aggregate<S> aggregate, String key) {
        List<DomainEvent> events = streams.getOrDefault(aggregate.stream(key), List.of());
        return new Versioned<>(aggregate.stream(key), events.size(), aggregate.fold(events));
    }

    @Override
    public List<String> keys(Aggregate<?> aggregate) {
        return streams.keySet().stream()
                .filter(s -> s.domain().equals(aggregate.domain()) && s.aggregate().equals(aggregate.type()))
                .map(StreamId::key)
                .toList();
    }
}
