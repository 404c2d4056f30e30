package io.farmhub.farm.query;

import io.farmhub.core.Aggregate;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.StreamId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The farm's streams as one query run sees them: only the envelopes visible at its {@link Bitemporal} times,
 * typed (and upcast) through the registry, in version order. It notes every stream it hands out, with the
 * stream's version as read, which is what the result's {@code sourceVersions} name. One view serves one run.
 */
public final class StreamView {

    /** A projection's {@code apply}: {@code CowSummary::apply}, {@code BarnSummary::apply}, ... */
    @FunctionalInterface
    public interface Projection<S> {
        S apply(S state, EventEnvelope envelope, DomainEvent event);
    }

    /** One visible stored event and its typed form. */
    public record Seen(EventEnvelope envelope, DomainEvent event) {
    }

    private final FarmStreams streams;
    private final Bitemporal when;
    private final Map<StreamId, List<Seen>> typed = new HashMap<>();
    private final SortedMap<String, Long> read = new TreeMap<>();

    public StreamView(FarmStreams streams, Bitemporal when) {
        this.streams = streams;
        this.when = when;
    }

    public Bitemporal when() {
        return when;
    }

    /** Every stream of this aggregate type the run was given, by key. */
    public List<StreamId> streamsOf(Aggregate<?> aggregate) {
        return streams.ofType(aggregate.type());
    }

    /** The visible events of one stream; a stream the run was not given reads as empty, at version 0. */
    public List<Seen> visible(StreamId stream) {
        List<EventEnvelope> all = streams.of(stream);
        read.put(stream.toString(), all.isEmpty() ? 0L : all.get(all.size() - 1).version());
        return typed.computeIfAbsent(stream, s -> {
            List<Seen> seen = new ArrayList<>();
            for (EventEnvelope stored : all) {
                if (when.shows(stored)) {
                    EventEnvelope current = streams.registry().upcast(stored);
                    seen.add(new Seen(current, (DomainEvent) streams.registry().toEvent(current)));
                }
            }
            return List.copyOf(seen);
        });
    }

    /** A projection of one stream, folded from {@code empty} over its visible events. */
    public <S> S fold(StreamId stream, S empty, Projection<S> projection) {
        S state = empty;
        for (Seen s : visible(stream)) {
            state = projection.apply(state, s.envelope(), s.event());
        }
        return state;
    }

    /** The projection of every stream of the aggregate type, by key. */
    public <S> List<S> foldAll(Aggregate<?> aggregate, Function<String, S> empty, Projection<S> projection) {
        List<S> states = new ArrayList<>();
        for (StreamId stream : streamsOf(aggregate)) {
            states.add(fold(stream, empty.apply(stream.key()), projection));
        }
        return states;
    }

    public SortedMap<String, Long> sourceVersions() {
        return new TreeMap<>(read);
    }
}
