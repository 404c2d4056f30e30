package io.farmhub.eventstore.sqlite;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendAllResult;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.EventStoreException;
import io.farmhub.eventstore.StreamAppend;
import io.farmhub.eventstore.StreamVersion;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The embedded event store: one SQLite file (WAL, {@code synchronous=FULL}).
 *
 * <p>One writer thread owns the write connection and commits concurrent appends together (see
 * {@link GroupCommitWriter}); {@link #append} returns only after the commit holding it is durable. Reads use their
 * own connections and see the last commit without ever waiting for the writer. Several instances may open the same
 * file (SQLite's write lock serialises their transactions); their appends are checked against the file, not against
 * what one instance remembers.
 *
 * <p>Serialising, measuring and checking a batch happen on the caller's thread, so the writer only writes.
 */
public final class SqliteEventStore implements EventStore {

    private final SqliteDatabase db;
    private final GroupCommitWriter writer;
    private final Thread writerThread;
    private final Checkpointer checkpointer;
    private final ReadConnections readers;
    private final Object lifecycle = new Object();
    private boolean closed;

    public SqliteEventStore(Path file) {
        this.db = new SqliteDatabase(file);
        WriteConnection connection;
        try {
            connection = new WriteConnection(db.openWriter());
        } catch (SQLException e) {
            throw new EventStoreException("cannot prepare the event store statements on " + db.file() + ": "
                    + e.getMessage(), e);
        }
        this.checkpointer = new Checkpointer(db);
        this.writer = new GroupCommitWriter(connection, db.file().toString(), checkpointer);
        this.writerThread = new Thread(writer, "event-store-writer");
        // Daemon: a JVM that exits without closing the store loses only appends that were never acknowledged.
        writerThread.setDaemon(true);
        writerThread.start();
        this.readers = new ReadConnections(db);
    }

    public Path file() {
        return db.file();
    }

    @Override
    public AppendResult append(StreamId stream, long expectedVersion, List<NewEvent> events) {
        PendingAppend append = pending(stream, expectedVersion, events, new CompletableFuture<>());
        submit(append);
        return join(append.result());
    }

    /** Always: the parts go in one savepoint of one transaction, still group-committed with everyone else's. */
    @Override
    public boolean atomicAcrossStreams() {
        return true;
    }

    @Override
    public AppendAllResult appendAll(List<StreamAppend> appends) {
        EventStore.checkDistinct(appends);
        List<PendingAppend> parts = new ArrayList<>(appends.size());
        for (StreamAppend a : appends) {
            parts.add(pending(a.stream(), a.expectedVersion(), a.events(), null));
        }
        PendingAppendAll all = new PendingAppendAll(List.copyOf(parts), new CompletableFuture<>());
        submit(all);
        return join(all.result());
    }

    /** Checks and serialises an append on the caller's thread, so the writer only writes. */
    private static PendingAppend pending(StreamId stream, long expectedVersion, List<NewEvent> events,
            CompletableFuture<AppendResult> result) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(events, "events");
        if (expectedVersion < ANY) {
            throw new IllegalArgumentException("expected version " + expectedVersion + " of " + stream
                    + " is neither a version (0 or more) nor EventStore.ANY");
        }
        List<PendingEvent> pending = new ArrayList<>(events.size());
        Set<String> ids = new HashSet<>();
        for (NewEvent e : events) {
            if (!ids.add(e.eventId())) {
                throw new IllegalArgumentException("the batch for " + stream + " holds event id " + e.eventId()
                        + " twice");
            }
            pending.add(PendingEvent.of(stream, e));
        }
        // The smallest size this batch can have (version 1, recordedAt on a whole second): over it, refuse at once.
        BatchSize.check(stream, pending, 1, 0);
        return new PendingAppend(stream, expectedVersion, pending, result);
    }

    private void submit(QueuedWrite write) {
        synchronized (lifecycle) {
            if (closed) {
                throw new EventStoreException("the event store " + db.file() + " is closed");
            }
            writer.submit(write);
        }
    }

    private static <T> T join(CompletableFuture<T> result) {
        try {
            // join, not get: an interrupt must not hide whether the append was committed
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause; // as the writer raised it: BatchTooLargeException, EventStoreException
            }
            throw new EventStoreException("the event store writer failed: " + e.getCause(), e.getCause());
        }
    }

    /** Through the writer, like an append: ordered with every append, durable before it returns. */
    @Override
    public boolean delete(StreamId stream) {
        Objects.requireNonNull(stream, "stream");
        PendingDelete delete = new PendingDelete(stream, new CompletableFuture<>());
        submit(delete);
        return join(delete.result());
    }

    int queuedAppends() {
        return writer.queued();
    }

    @Override
    public List<EventEnvelope> read(StreamId stream, long fromVersion, LocalDate asOf, Instant knownAt) {
        Objects.requireNonNull(stream, "stream");
        return readers.with("read " + stream, c -> c.read(stream, fromVersion, asOf, knownAt));
    }

    @Override
    public long version(StreamId stream) {
        Objects.requireNonNull(stream, "stream");
        return readers.with("read the version of " + stream, c -> c.version(stream));
    }

    @Override
    public List<StreamVersion> list(String domain, String aggregate) {
        return readers.with("list " + domain + "/" + aggregate, c -> c.list(domain, aggregate));
    }

    @Override
    public String kind() {
        return "sqlite";
    }

    @Override
    public void ping() {
        if (!writerThread.isAlive()) {
            throw new EventStoreException("the event store writer of " + db.file() + " is not running");
        }
        readers.with("ping", c -> {
            c.ping();
            return null;
        });
    }

    /** Commits what is already queued, then stops the writer and closes every connection. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            writer.stop();
        }
        try {
            writerThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checkpointer.close();
        readers.close();
    }
}
