package io.farmhub.core;

import java.util.function.BiFunction;

/**
 * An aggregate type as the command pipeline and projections need it: its stream name part ({@code cow}),
 * its initial state and its pure {@code evolve}. Each aggregate declares one, e.g. {@code Cow.AGGREGATE}.
 * {@code evolve} receives every event of the stream (its own and the loan events appended to it) and
 * returns the state unchanged for events it does not care about.
 */
public record Aggregate<S>(String domain, String type, S initial, BiFunction<S, DomainEvent, S> evolve) {

    public StreamId stream(String key) {
        return StreamId.of(domain, type, key);
    }

    public S fold(Iterable<? extends DomainEvent> events) {
        S state = initial;
        for (DomainEvent e : events) {
            state = evolve.apply(state, e);
        }
        return state;
    }
}
