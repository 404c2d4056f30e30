package io.farmhub.core;

import java.util.Optional;

/**
 * How a command that took something on a stream gives it back (domain.md "Consistency"): the inverse of an event
 * that takes a place or a claim (a barn place, a pledge), or nothing for an event that takes nothing. Where no
 * write spans two streams, the pipeline appends the inverse of what a command already wrote when it then ends
 * refused; it also writes a stream that takes something before the others, so a refusal comes before any other
 * change. The domain supplies it; the pipeline knows no event type by name.
 */
@FunctionalInterface
public interface Compensations {

    Compensations NONE = event -> Optional.empty();

    Optional<DomainEvent> undo(DomainEvent taken);

    /** Whether {@code event} takes something a refusal would have to give back. */
    default boolean takes(DomainEvent event) {
        return undo(event).isPresent();
    }
}
