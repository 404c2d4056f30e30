package io.farmhub.commands;

import io.farmhub.core.Aggregate;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.StreamId;
import io.farmhub.core.StreamStates;
import io.farmhub.core.Versioned;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The states a batch's commands decide from: each stream folded once ({@link RecordingStreamStates}, which remembers
 * the version read), then moved on by each decision's own events, so the next command of the same stream decides on
 * the state the one before it left, exactly as if they had run one after the other.
 */
final class BatchStates implements StreamStates {

    private record Held(Aggregate<Object> aggregate, Versioned<Object> state) {
    }

    private final RecordingStreamStates read;
    private final Map<StreamId, Held> held = new HashMap<>();
    private final Set<StreamId> readByDecision = new HashSet<>();

    BatchStates(RecordingStreamStates read) {
        this.read = read;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S> Versioned<S> get(Aggregate<S> aggregate, String key) {
        StreamId stream = aggregate.stream(key);
        readByDecision.add(stream);
        Held known = held.get(stream);
        if (known == null) {
            known = new Held((Aggregate<Object>) aggregate, (Versioned<Object>) read.get(aggregate, key));
            held.put(stream, known);
        }
        return (Versioned<S>) known.state();
    }

    @Override
    public List<String> keys(Aggregate<?> aggregate) {
        return read.keys(aggregate);
    }

    /** A decision begins: {@link #onlyStreamRead} will name what it reads. */
    void startDecision() {
        readByDecision.clear();
    }

    /**
     * The one stream the decision since {@link #startDecision} read; null when it read none. A batched command reads
     * its subject alone: one reading two is a mistake in what is batched, refused before it could write half.
     */
    StreamId onlyStreamRead(String commandType) {
        if (readByDecision.size() > 1) {
            throw new IllegalStateException(commandType + " read " + readByDecision
                    + "; a batched command decides on one stream");
        }
        return readByDecision.isEmpty() ? null : readByDecision.iterator().next();
    }

    /** The stream after a decision's events on it (the stream was read through {@link #get} by that decision). */
    void decided(StreamId stream, List<? extends DomainEvent> events) {
        Held h = held.get(stream);
        if (h == null) {
            throw new IllegalStateException("a decision changed " + stream + " without reading it");
        }
        Object state = h.state().state();
        for (DomainEvent e : events) {
            state = h.aggregate().evolve().apply(state, e);
        }
        held.put(stream, new Held(h.aggregate(), new Versioned<>(stream, h.state().version() + events.size(), state)));
    }

    /** The version the batch first read {@code stream} at: what its one append expects. */
    Optional<Long> versionRead(StreamId stream) {
        return read.versionRead(stream);
    }
}
