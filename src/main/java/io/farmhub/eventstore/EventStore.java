package io.farmhub.eventstore;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
     * Whether {@link #appendAll} of several streams is one atomic write here. SQLite: yes (one transaction).
     * Append Blobs: no, since no write spans two blobs; a caller must append stream by stream and finish or undo
     * the rest itself (the command pipeline records each append on the command stream).
     */
    default boolean atomicAcrossStreams() {
        return false;
    }

    /**
     * Several streams' appends as one, all or nothing: every part's expected version is checked (a part with no
     * events is a pure guard), and when any is stale the result is an {@link AppendAllResult.Conflict} and
     * nothing is written on any stream. Each part is idempotent by event id as {@link #append} is, and an append
     * whose events are all stored already returns the earlier result without checking its guards (a re-driven
     * command must find its own write, whatever happened to the streams it only read).
     *
     * <p>Only a store that is {@link #atomicAcrossStreams()} takes more than one part; any other refuses them with
     * {@link UnsupportedOperationException} rather than pretend.
     */
    default AppendAllResult appendAll(List<StreamAppend> appends) {
        checkDistinct(appends);
        if (appends.size() != 1) {
            throw new UnsupportedOperationException("the " + kind() + " store cannot append to " + appends.size()
                    + " streams as one; append them one by one");
        }
        StreamAppend only = appends.get(0);
        AppendResult result = append(only.stream(), only.expectedVersion(), only.events());
        return result instanceof AppendResult.Appended a
                ? new AppendAllResult.Appended(List.of(a))
                : new AppendAllResult.Conflict(List.of((AppendResult.Conflict) result));
    }

    /** An append names each stream once and at least one stream. */
    static void checkDistinct(List<StreamAppend> appends) {
        if (appends.isEmpty()) {
            throw new IllegalArgumentException("an append names at least one stream");
        }
        Set<StreamId> seen = new HashSet<>();
        for (StreamAppend a : appends) {
            if (!seen.add(a.stream())) {
                throw new IllegalArgumentException("the append names " + a.stream() + " twice");
            }
        }
    }

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

    /**
     * Deletes the stream and every event in it; true when it held any. Afterwards it reads as never written (version 0,
     * not listed), an append with expected version 0 starts it again at version 1, and the ids of its deleted events
     * no longer make a re-append a duplicate. Only for streams whose events are used up and kept elsewhere (the
     * sensor journal's drained chunks), never for a farm's history. A store that cannot delete refuses with
     * {@link UnsupportedOperationException}.
     */
    default boolean delete(StreamId stream) {
        throw new UnsupportedOperationException("the " + kind() + " store cannot delete streams");
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
