package io.farmhub.core;

/** An aggregate state as folded from its stream, with the stream version it reflects (0: no events yet). */
public record Versioned<S>(StreamId stream, long version, S state) {
}
