package io.farmhub.commands;

import io.farmhub.core.Aggregate;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.StreamId;
import io.farmhub.core.StreamStates;
import io.farmhub.core.Versioned;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.StreamVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The states a handler decides from, folded from the event store, remembering the version of every stream it
 * handed out: the pipeline appends with exactly those versions, so anything that changed in between is a
 * conflict and the handler decides again.
 *
 * <p>A stream this command already appended to (a decision interrupted half-way on a store that writes stream by
 * stream) is shown as it is now, this command's own events included: the decider must take them as done (a cow
 * already housed in the barn she is moved to is no change there), and the pipeline never appends to that stream
 * again. Showing it as it was before (as this class once did) would hand the decision a version that can never
 * hold again, so a guard on it would conflict for ever.
 *
 * <p>Folding starts from the state the {@link StreamStateCache} holds for the stream, if any: only the events
 * after its version are read, and the state folded here goes back into the cache.
 */
final class RecordingStreamStates implements StreamStates {

    private final EventStore store;
    private final EventTypeRegistry types;
    private final StreamStateCache cache;
    private final Map<StreamId, Versioned<?>> read = new HashMap<>();

    RecordingStreamStates(EventStore store, EventTypeRegistry types, StreamStateCache cache) {
        this.store = store;
        this.types = types;
        this.cache = cache;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S> Versioned<S> get(Aggregate<S> aggregate, String key) {
        StreamId stream = aggregate.stream(key);
        Versioned<?> known = read.get(stream);
        if (known != null) {
            // The same stream read twice in one decision must show the same version, or the append would lie.
            return (Versioned<S>) known;
        }
        Versioned<S> versioned = fold(aggregate, stream);
        read.put(stream, versioned);
        return versioned;
    }

    /** The whole stream: from the cached state, the events after it. */
    private <S> Versioned<S> fold(Aggregate<S> aggregate, StreamId stream) {
        Versioned<S> cached = cache.get(aggregate, stream);
        S state = cached == null ? aggregate.initial() : cached.state();
        long version = cached == null ? 0 : cached.version();
        List<EventEnvelope> after = store.read(stream, version + 1);
        for (EventEnvelope envelope : after) {
            state = aggregate.evolve().apply(state, (DomainEvent) types.toEvent(envelope));
            version = envelope.version();
        }
        Versioned<S> folded = after.isEmpty() && cached != null ? cached : new Versioned<>(stream, version, state);
        cache.put(aggregate, folded);
        return folded;
    }

    @Override
    public List<String> keys(Aggregate<?> aggregate) {
        return store.list(aggregate.domain(), aggregate.type()).stream()
                .map(StreamVersion::stream)
                .map(StreamId::key)
                .toList();
    }

    /** The version this decision read {@code stream} at, if it read it. */
    Optional<Long> versionRead(StreamId stream) {
        return Optional.ofNullable(read.get(stream)).map(Versioned::version);
    }
}
