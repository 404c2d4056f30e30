package io.farmhub.eventstore;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The one event store API. Two implementations (SQLite, Azure Append Blobs) pass one contract test suite.
 *
 * <p>Versions start at 1; a stream that does not exist has version 0. An append carries the version the
 * caller decided from: it is all-or-nothing, and a stale expected version is a {@link AppendResult.Conflict},
 * never an exception. Appending a batch whose event ids are already in the stream writes nothing and
 * returns the earlier result, so a re-driven command can never write an event twice. A batch of which only
 * some ids are already stored is a {@link AppendResult.Conflict} (with the stream's actual version) and writes
 * nothing: the caller decided on a state that did not yet include its own earlier events, so it must read
 * again and decide again. An empty batch writes nothing but still checks the expected version.
 *
 * <p>Infrastructure faults (disk, network) are thrown as {@link EventStoreException}.
 */
public interface EventStore extends AutoCloseable {

    /** Expected version that accepts whatever the stream's version is (for command logs). */
    long ANY = -1;

    /**
     * The largest batch one append may carry, measured as the UTF-8 NDJSON of its stored envelopes: Azure's
     * append block limit (4 MiB). Both stores refuse a larger batch with {@link BatchTooLargeException}, so the
     * embedded default behaves exactly like Azure. Each envelope counts as its {@code Json.MAPPER} JSON plus one
     * newline.
     */
    int MAX_BATCH_BYTES = 4 * 1024 * 1024;

    AppendResult append(StreamId stream, long expectedVersion, List<NewEvent> events);

    /**
     * The stream's events from {@code fromVersion} (inclusive, 1 = all) in version order, keeping only
     * those with {@code occurredAt} on or before {@code asOf} and {@code recordedAt} at or before
     * {@code knownAt}; a null bound is no bound.
     */
    List<EventEnvelope> read(StreamId stream, long fromVersion, LocalDate asOf, Instant knownAt);

    default List<EventEnvelope> read(StreamId stream) {
        return read(stream, 1, null, null);
    }

    default List<EventEnvelope> read(StreamId stream, long fromVersion) {
        return read(stream, fromVersion, null, null);
    }

    /** The stream's current version, 0 when it does not exist. */
    long version(StreamId stream);

    /** Every stream of one aggregate type (e.g. domain {@code farm}, aggregate {@code cow}) with its current version. */
    List<StreamVersion> list(String domain, String aggregate);

    /** A short name for logs and health: "sqlite", "appendblob". */
    String kind();

    /** Cheap liveness probe for the health endpoint; throws when the store cannot be reached. */
    void ping();

    @Override
    default void close() {
    }
}
