package io.farmhub.core;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How a command that took something on a stream gives it back (domain.md "Consistency"), as the domain says it:
 * the inverse of an event that takes a place or a claim (a barn place, a pledge), and which events only give
 * something up (a place left, a pledge released), which no rule refuses. Where no write spans two streams, the
 * pipeline appends a decision's taking streams first and its giving-up streams last, and gives back what a
 * command took when it then ends refused. The pipeline knows no event type by name.
 */
public interface Compensations {

    Compensations NONE = of(event -> Optional.empty(), event -> false);

    /** The event that gives back what {@code taken} took; empty when it took nothing. */
    Optional<DomainEvent> undo(DomainEvent taken);

    /** Whether {@code event} only gives something up: no rule of its stream can refuse it. */
    boolean givesUp(DomainEvent event);

    /** Whether {@code event} takes something a refusal would have to give back. */
    default boolean takes(DomainEvent event) {
        return undo(event).isPresent();
    }

    static Compensations of(Function<DomainEvent, Optional<DomainEvent>> undo, Predicate<DomainEvent> givesUp) {
        return new Compensations() {
            @Override
            public Optional<DomainEvent> undo(DomainEvent taken) {
                return undo.apply(taken);
            }

            @Override
            public boolean givesUp(DomainEvent event) {
                return givesUp.test(event);
            }
        };
    }
}
