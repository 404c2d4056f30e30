package io.farmhub.eventstore;

import io.farmhub.core.StreamId;

/** A stream and its current version, as listed for an aggregate type. */
public record StreamVersion(StreamId stream, long version) {
}
