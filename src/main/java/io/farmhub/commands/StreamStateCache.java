package io.farmhub.commands;

import io.farmhub.core.Aggregate;
import io.farmhub.core.StreamId;
import io.farmhub.core.Versioned;
import java.util.Iterator;
import java.util.Map;
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

    /** The state last folded from {@code stream} by {@code aggregate}, or null. */
    @SuppressWarnings("unchecked")
    <S> Versioned<S> get(Aggregate<S> aggregate, StreamId stream) {
        return (Versioned<S>) states.get(new Key(aggregate, stream));
    }

    /** Keeps {@code state} unless a newer version of the same stream is kept already. */
    void put(Aggregate<?> aggregate, Versioned<?> state) {
        states.merge(new Key(aggregate, state.stream()), state,
                (kept, offered) -> offered.version() > kept.version() ? offered : kept);
        if (states.size() > CAPACITY) {
            forgetSome();
        }
    }

    private void forgetSome() {
        int forget = CAPACITY / 10;
        for (Iterator<Key> keys = states.keySet().iterator(); keys.hasNext() && forget-- > 0; ) {
            keys.next();
            keys.remove();
        }
    }
}
