package io.farmhub.eventstore.sqlite;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendAllResult;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.AppendResult.Appended;
import io.farmhub.eventstore.AppendResult.Conflict;
import io.farmhub.eventstore.EventStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write connection and its prepared statements, used by the writer thread only. It applies one append
 * inside the writer's open transaction; the transaction itself (group commit) is the writer's business.
 */
final class WriteConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WriteConnection.class);

    /** The group's transaction is gone: the writer must fail every append of the group, not only this one. */
    static final class TransactionLost extends SQLException {
        TransactionLost(SQLException cause) {
            super("the transaction was rolled back: " + cause.getMessage(), cause);
        }
    }

    static final int KNOWN_STREAMS = 10_000;

    /** A stream's row id and version as this connection last wrote or read them. */
    private record StreamRow(long id, long version) {
    }

    private final Connection c;
    private final PreparedStatement begin;
    private final PreparedStatement commit;
    private final PreparedStatement rollback;
    private final PreparedStatement savepoint;
    private final PreparedStatement release;
    private final PreparedStatement rollbackToSavepoint;
    private final PreparedStatement savepointAll;
    private final PreparedStatement releaseAll;
    private final PreparedStatement rollbackToSavepointAll;
    private final PreparedStatement dataVersion;
    private final PreparedStatement checkpoint;
    private final PreparedStatement readClock;
    private final PreparedStatement findStream;
    private final PreparedStatement findEvent;
    private final PreparedStatement insertStream;
    private final PreparedStatement lastRowId;
    private final PreparedStatement updateStream;
    private final PreparedStatement insertEvent;
    private final PreparedStatement savepointDelete;
    private final PreparedStatement releaseDelete;
    private final PreparedStatement rollbackToSavepointDelete;
    private final PreparedStatement keepClock;
    private final PreparedStatement deleteEvents;
    private final PreparedStatement deleteStream;

    /**
     * Streams this connection knows, valid while no other connection commits: {@code PRAGMA data_version} changes
     * exactly when another connection (another store instance on the same file) has committed. Bounded, least
     * recently used first out: every command has a stream of its own, so an unbounded map grew by one entry per
     * command for as long as the hub ran (a 10,000-row inbox form alone added 10,000). A stream forgotten is
     * looked up once more by its unique index.
     */
    private final Map<String, StreamRow> streams = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StreamRow> eldest) {
            return size() > KNOWN_STREAMS;
        }
    };
    private long seenDataVersion = -1;
    /** The newest recordedAt on file, as of {@link #seenDataVersion} and this connection's own commits. */
    private long lastRecordedAt;

    WriteConnection(Connection c) throws SQLException {
        this.c = c;
        begin = c.prepareStatement("BEGIN IMMEDIATE");
        commit = c.prepareStatement("COMMIT");
        rollback = c.prepareStatement("ROLLBACK");
        savepoint = c.prepareStatement("SAVEPOINT append");
        release = c.prepareStatement("RELEASE append");
        rollbackToSavepoint = c.prepareStatement("ROLLBACK TO append");
        savepointAll = c.prepareStatement("SAVEPOINT append_all");
        releaseAll = c.prepareStatement("RELEASE append_all");
        rollbackToSavepointAll = c.prepareStatement("ROLLBACK TO append_all");
        dataVersion = c.prepareStatement("PRAGMA data_version");
        checkpoint = c.prepareStatement("PRAGMA wal_checkpoint(PASSIVE)");
        // The newest event is found by its position (the rowid): no index on recorded_at is needed.
        readClock = c.prepareStatement("SELECT max((SELECT recorded_at FROM clock WHERE id = 1), "
                + "coalesce((SELECT recorded_at FROM events ORDER BY position DESC LIMIT 1), 0))");
        findStream = c.prepareStatement("SELECT id, version FROM streams WHERE stream = ?");
        findEvent = c.prepareStatement("SELECT " + EnvelopeRows.COLUMNS
                + " FROM events WHERE stream_id = ? AND event_id = ?");
        insertStream = c.prepareStatement("INSERT INTO streams (stream, domain, aggregate, version) VALUES (?, ?, ?, ?)");
        lastRowId = c.prepareStatement("SELECT last_insert_rowid()");
        updateStream = c.prepareStatement("UPDATE streams SET version = ? WHERE id = ?");
        insertEvent = c.prepareStatement("INSERT INTO events (stream_id, version, event_id, event_type, schema_version, "
                + "occurred_at, occurred_on, recorded_at, correlation_id, causation_id, who, source, commentary, data) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        savepointDelete = c.prepareStatement("SAVEPOINT remove");
        releaseDelete = c.prepareStatement("RELEASE remove");
        rollbackToSavepointDelete = c.prepareStatement("ROLLBACK TO remove");
        // The clock row keeps the newest recordedAt a deletion takes away, which the newest event no longer shows.
        keepClock = c.prepareStatement("UPDATE clock SET recorded_at = max(recorded_at, "
                + "(SELECT coalesce(max(recorded_at), 0) FROM events WHERE stream_id = ?)) WHERE id = 1");
        deleteEvents = c.prepareStatement("DELETE FROM events WHERE stream_id = ?");
        deleteStream = c.prepareStatement("DELETE FROM streams WHERE id = ?");
    }

    /**
     * Starts the group's transaction and returns the recordedAt its appends get: never before the last one handed
     * out, by this connection or (read again whenever another connection has committed) by any other.
     */
    long begin() throws SQLException {
        begin.execute();
        long version = single(dataVersion);
        if (version != seenDataVersion) {
            streams.clear();
            lastRecordedAt = single(readClock);
            seenDataVersion = version;
        }
        return Math.max(System.currentTimeMillis(), lastRecordedAt);
    }

    void commit(long recordedAt) throws SQLException {
        lastRecordedAt = recordedAt; // first: even a commit that fails half-way may have stored it
        commit.execute();
    }

    /**
     * Finishes a checkpoint the {@link Checkpointer} began, between two groups (outside any transaction), so
     * that the next transaction may start the WAL over. A failure only leaves the WAL longer: it is logged.
     */
    void checkpoint() {
        try (ResultSet ignored = checkpoint.executeQuery()) {
            // copied what it could; a reader still on older pages keeps the rest for the next time
        } catch (SQLException | RuntimeException e) {
            log.warn("could not finish a checkpoint; the next one will: {}", e.getMessage());
        }
    }

    void commitReadOnly() throws SQLException {
        commit.execute();
    }

    void rollbackQuietly() {
        streams.clear();
        try {
            rollback.execute();
        } catch (SQLException ignored) {
            // SQLite may already have rolled the transaction back itself (I/O error, disk full)
        }
    }

    /**
     * Decides and, when it is accepted, writes one append. The usual append (its expected version fits, its ids
     * are new) is written straight away: the unique index on (stream, event id) is the idempotency check, so no
     * event id is looked up one by one. Only when the version does not fit, or the index finds an id already
     * stored, does the append go the careful way ({@link #checked}): the stored copies are looked up first. The
     * writes run in a savepoint, so a failure undoes this append alone and leaves the rest of the group intact.
     */
    AppendResult apply(PendingAppend p, long recordedAt) throws SQLException {
        StreamRow row = stream(p.stream().toString());
        long current = row == null ? 0 : row.version();
        List<PendingEvent> events = p.events();
        boolean fits = p.expectedVersion() == EventStore.ANY || p.expectedVersion() == current;
        if (row != null && !events.isEmpty() && (!fits || !BatchSize.fits(events, current + 1, recordedAt))) {
            return checked(p, row, recordedAt);
        }
        BatchSize.check(p.stream(), events, current + 1, recordedAt);
        if (!fits) {
            return new Conflict(p.stream(), p.expectedVersion(), current);
        }
        if (events.isEmpty()) {
            return new Appended(p.stream(), List.of(), false);
        }
        try {
            return new Appended(p.stream(), writeInSavepoint(p.stream(), row, events, recordedAt), false);
        } catch (SQLException e) {
            if (row != null && !(e instanceof TransactionLost) && storedAlready(e)) {
                return checked(p, stream(p.stream().toString()), recordedAt);
            }
            throw e;
        }
    }

    /**
     * Deletes one stream, its events and its row, in a savepoint of the group's transaction: an append to it earlier
     * in the group is deleted with it, one later in the group starts it again. True when it existed. (Positions of
     * deleted events that were the newest may be handed out again: SQLite takes the largest rowid left plus one.)
     */
    boolean delete(StreamId stream) throws SQLException {
        String name = stream.toString();
        StreamRow row = stream(name);
        if (row == null) {
            return false;
        }
        savepointDelete.execute();
        try {
            keepClock.setLong(1, row.id());
            keepClock.executeUpdate();
            deleteEvents.setLong(1, row.id());
            deleteEvents.executeUpdate();
            deleteStream.setLong(1, row.id());
            deleteStream.executeUpdate();
            releaseDelete.execute();
            streams.remove(name);
            return true;
        } catch (SQLException | RuntimeException e) {
            streams.clear();
            try {
                rollbackToSavepointDelete.execute();
                releaseDelete.execute();
            } catch (SQLException lost) {
                lost.addSuppressed(e);
                throw new TransactionLost(lost);
            }
            throw e;
        }
    }

    /**
     * Several streams' appends, all or none, in one savepoint around their own: the parts with events first (each
     * as {@link #apply} makes it), then the guards, which an append whose events were all stored before skips (it
     * is the earlier append, found again). Any conflict, or any failure, undoes every part.
     */
    AppendAllResult applyAll(PendingAppendAll all, long recordedAt) throws SQLException {
        savepointAll.execute();
        try {
            AppendResult[] results = new AppendResult[all.parts().size()];
            boolean allStoredBefore = true;
            boolean anyEvents = false;
            for (int i = 0; i < results.length; i++) {
                PendingAppend part = all.parts().get(i);
                if (!part.events().isEmpty()) {
                    results[i] = apply(part, recordedAt);
                    anyEvents = true;
                    allStoredBefore &= results[i] instanceof Appended a && a.duplicate();
                }
            }
            boolean checkGuards = !(anyEvents && allStoredBefore);
            for (int i = 0; i < results.length; i++) {
                PendingAppend part = all.parts().get(i);
                if (part.events().isEmpty()) {
                    results[i] = checkGuards ? apply(part, recordedAt) : new Appended(part.stream(), List.of(), false);
                }
            }
            List<Conflict> conflicts = new ArrayList<>();
            List<Appended> appended = new ArrayList<>();
            for (AppendResult r : results) {
                if (r instanceof Conflict conflict) {
                    conflicts.add(conflict);
                } else {
                    appended.add((Appended) r);
                }
            }
            if (!conflicts.isEmpty()) {
                undoAll();
                return new AppendAllResult.Conflict(conflicts);
            }
            releaseAll.execute();
            return new AppendAllResult.Appended(appended);
        } catch (TransactionLost e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            try {
                undoAll();
            } catch (SQLException lost) {
                lost.addSuppressed(e);
                throw new TransactionLost(lost);
            }
            throw e;
        }
    }

    /** Rolls the parts of an append of several streams back, keeping the rest of the group. */
    private void undoAll() throws SQLException {
        streams.clear(); // the versions written in the savepoint are gone again
        rollbackToSavepointAll.execute();
        releaseAll.execute();
    }

    /**
     * The careful way: events of the batch already in the stream make it the earlier append (all of them) or a
     * conflict (some); otherwise the size and the expected version decide.
     */
    private AppendResult checked(PendingAppend p, StreamRow row, long recordedAt) throws SQLException {
        long current = row.version();
        List<PendingEvent> events = p.events();
        List<EventEnvelope> stored = storedCopies(row.id(), p.stream().toString(), events);
        if (stored.size() == events.size()) {
            return new Appended(p.stream(), stored, true);
        }
        if (!stored.isEmpty()) {
            return new Conflict(p.stream(), p.expectedVersion(), current);
        }
        BatchSize.check(p.stream(), events, current + 1, recordedAt);
        if (p.expectedVersion() != EventStore.ANY && p.expectedVersion() != current) {
            return new Conflict(p.stream(), p.expectedVersion(), current);
        }
        return new Appended(p.stream(), writeInSavepoint(p.stream(), row, events, recordedAt), false);
    }

    /** Writes one append in a savepoint: on any failure it is undone alone, and the failure goes on up. */
    private List<EventEnvelope> writeInSavepoint(StreamId stream, StreamRow row, List<PendingEvent> events,
            long recordedAt) throws SQLException {
        savepoint.execute();
        try {
            List<EventEnvelope> written = write(stream, row, events, recordedAt);
            release.execute();
            return written;
        } catch (SQLException | RuntimeException e) {
            streams.clear();
            try {
                rollbackToSavepoint.execute();
                release.execute();
            } catch (SQLException lost) {
                // SQLite drops the whole transaction on some errors (I/O, disk full): nothing of the group is left
                lost.addSuppressed(e);
                throw new TransactionLost(lost);
            }
            throw e;
        }
    }

    /** The unique index on (stream, event id) refused a row: an event of the batch is stored already. */
    private static boolean storedAlready(SQLException e) {
        String message = e.getMessage();
        return message != null && message.contains("UNIQUE constraint failed") && message.contains("events.event_id");
    }

    private List<EventEnvelope> write(StreamId stream, StreamRow row, List<PendingEvent> events, long recordedAt)
            throws SQLException {
        String name = stream.toString();
        long first = (row == null ? 0 : row.version()) + 1;
        long last = first + events.size() - 1;
        long id;
        if (row == null) {
            insertStream.setString(1, name);
            insertStream.setString(2, stream.domain());
            insertStream.setString(3, stream.aggregate());
            insertStream.setLong(4, last);
            insertStream.executeUpdate();
            id = single(lastRowId);
        } else {
            id = row.id();
            updateStream.setLong(1, last);
            updateStream.setLong(2, id);
            updateStream.executeUpdate();
        }
        Instant at = Instant.ofEpochMilli(recordedAt);
        List<EventEnvelope> written = new ArrayList<>(events.size());
        long version = first;
        for (PendingEvent pe : events) {
            NewEvent e = pe.event();
            insertEvent.setLong(1, id);
            insertEvent.setLong(2, version);
            insertEvent.setString(3, e.eventId());
            insertEvent.setString(4, e.eventType());
            insertEvent.setInt(5, e.schemaVersion());
            insertEvent.setString(6, e.occurredAt());
            insertEvent.setString(7, pe.occurredOn());
            insertEvent.setLong(8, recordedAt);
            insertEvent.setString(9, e.correlationId());
            insertEvent.setString(10, e.causationId());
            insertEvent.setString(11, e.who());
            insertEvent.setString(12, e.source());
            insertEvent.setString(13, e.commentary());
            insertEvent.setString(14, pe.dataJson());
            insertEvent.executeUpdate();
            written.add(EventEnvelope.stored(e, stream, version++, at));
        }
        streams.put(name, new StreamRow(id, last));
        return written;
    }

    private StreamRow stream(String name) throws SQLException {
        StreamRow known = streams.get(name);
        if (known != null) {
            return known;
        }
        findStream.setString(1, name);
        try (ResultSet rs = findStream.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            StreamRow row = new StreamRow(rs.getLong(1), rs.getLong(2));
            streams.put(name, row);
            return row;
        }
    }

    /** The stored envelopes of those events of the batch that are already in the stream, in batch order. */
    private List<EventEnvelope> storedCopies(long streamId, String name, List<PendingEvent> events) throws SQLException {
        List<EventEnvelope> stored = new ArrayList<>();
        EnvelopeRows rows = new EnvelopeRows(name);
        findEvent.setLong(1, streamId);
        for (PendingEvent e : events) {
            findEvent.setString(2, e.event().eventId());
            try (ResultSet rs = findEvent.executeQuery()) {
                if (rs.next()) {
                    stored.add(rows.next(rs));
                }
            }
        }
        return stored;
    }

    private static long single(PreparedStatement query) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        SqliteDatabase.close(c);
    }
}
