package io.farmhub.commands;

import io.farmhub.core.Aggregate;
import io.farmhub.core.StreamId;
import io.farmhub.core.Versioned;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The latest state the handlers folded from each stream, with its version, so that the next decision on the same
 * stream reads and folds only the events appended since (a cow's stream grows by every milking). The events after
 * the cached version are always read from the store, so a decision never sees a state older than the stream:
 * the cache only saves folding again what was folded before. Sharing a state between threads is safe because
 * states are immutable values that a pure {@code evolve} replaces, never changes. Bounded: the streams least
 * recently used are forgotten first.
 */
@Component
class StreamStateCache {

    static final int CAPACITY = 20_000;

    private record Key(Aggregate<?> aggregate, StreamId stream) {
    }

    private final Map<Key, Versioned<?>> states = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Versioned<?>> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The state last folded from {@code stream} by {@code aggregate}, or null. */
    @SuppressWarnings("unchecked")
    synchronized <S> Versioned<S> get(Aggregate<S> aggregate, StreamId stream) {
        return (Versioned<S>) states.get(new Key(aggregate, stream));
    }

    /** Keeps {@code state} unless a newer version of the same stream is kept already. */
    synchronized void put(Aggregate<?> aggregate, Versioned<?> state) {
        states.merge(new Key(aggregate, state.stream()), state,
                (kept, offered) -> offered.version() > kept.version() ? offered : kept);
    }
}
