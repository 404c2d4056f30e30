package io.farmhub.commands;

import io.farmhub.core.Aggregate;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.StreamId;
import io.farmhub.core.Versioned;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The latest state the handlers folded from each stream, with its version, so that the next decision on the same
 * stream reads and folds only the events appended since (a cow's stream grows by every milking). The events after
 * the cached version are always read from the store, so a decision never sees a state older than the stream:
 * the cache only saves folding again what was folded before. Sharing a state between threads is safe because
 * states are immutable values that a pure {@code evolve} replaces, never changes.
 *
 * <p>Every workflow thread reads it on every decision, so it takes no lock. Bounded: past {@link #CAPACITY}
 * streams, a slice of them is forgotten (whichever the map yields first; a forgotten stream is only folded from
 * its start once more).
 */
@Component
class StreamStateCache {

    static final int CAPACITY = 20_000;

    private record Key(Aggregate<?> aggregate, StreamId stream) {
    }

    private final Map<Key, Versioned<?>> states = new ConcurrentHashMap<>();
    /** Every aggregate a state was kept for: the keys an append's stream can be cached under. */
    private final Set<Aggregate<?>> aggregates = ConcurrentHashMap.newKeySet();

    /** The state last folded from {@code stream} by {@code aggregate}, or null. */
    @SuppressWarnings("unchecked")
    <S> Versioned<S> get(Aggregate<S> aggregate, StreamId stream) {
        return (Versioned<S>) states.get(new Key(aggregate, stream));
    }

    /** Keeps {@code state} unless a newer version of the same stream is kept already. */
    void put(Aggregate<?> aggregate, Versioned<?> state) {
        aggregates.add(aggregate);
        states.merge(new Key(aggregate, state.stream()), state,
                (kept, offered) -> offered.version() > kept.version() ? offered : kept);
        if (states.size() > CAPACITY) {
            forgetSome();
        }
    }

    /**
     * A pipeline append of {@code events} to {@code stream} at {@code expectedVersion} succeeded: a state kept at
     * exactly that version moves on with them, so the next decision on the stream has nothing to read back and
     * decode. A state kept at another version is left alone (the next decision folds what it misses).
     */
    void appended(StreamId stream, long expectedVersion, List<DomainEvent> events) {
        for (Aggregate<?> aggregate : aggregates) {
            Versioned<?> kept = states.get(new Key(aggregate, stream));
            if (kept != null && kept.version() == expectedVersion) {
                put(aggregate, evolved(aggregate, kept, events));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <S> Versioned<S> evolved(Aggregate<S> aggregate, Versioned<?> kept, List<DomainEvent> events) {
        S state = (S) kept.state();
        for (DomainEvent event : events) {
            state = aggregate.evolve().apply(state, event);
        }
        return new Versioned<>(kept.stream(), kept.version() + events.size(), state);
    }

    private void forgetSome() {
        int forget = CAPACITY / 10;
        for (Iterator<Key> keys = states.keySet().iterator(); keys.hasNext() && forget-- > 0; ) {
            keys.next();
            keys.remove();
        }
    }
}
