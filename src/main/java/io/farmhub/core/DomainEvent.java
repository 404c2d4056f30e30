package io.farmhub.core;

/**
 * Every farm event. Its business time goes into the envelope's {@code occurredAt}: the date (or, for
 * sensor readings, the instant) the thing happened, taken from the document, never from the clock.
 */
public interface DomainEvent {

    /** ISO-8601 date or instant. */
    String occurredAt();
}
