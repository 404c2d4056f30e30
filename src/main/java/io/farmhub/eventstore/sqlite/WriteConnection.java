package io.farmhub.eventstore.sqlite;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The write connection and its prepared statements, used by the writer thread only. It applies one append
 * inside the writer's open transaction; the transaction itself (group commit) is the writer's business.
 */
final class WriteConnection implements AutoCloseable {

    /** The group's transaction is gone: the writer must fail every append of the group, not only this one. */
    static final class TransactionLost extends SQLException {
        TransactionLost(SQLException cause) {
            super("the transaction was rolled back: " + cause.getMessage(), cause);
        }
    }

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
    private final PreparedStatement dataVersion;
    private final PreparedStatement readClock;
    private final PreparedStatement writeClock;
    private final PreparedStatement findStream;
    private final PreparedStatement findEvent;
    private final PreparedStatement insertStream;
    private final PreparedStatement lastRowId;
    private final PreparedStatement updateStream;
    private final PreparedStatement insertEvent;

    /**
     * Streams this connection knows, valid while no other connection commits: {@code PRAGMA data_version} changes
     * exactly when another connection (another store instance on the same file) has committed.
     */
    private final Map<String, StreamRow> streams = new HashMap<>();
    private long seenDataVersion = -1;

    WriteConnection(Connection c) throws SQLException {
        this.c = c;
        begin = c.prepareStatement("BEGIN IMMEDIATE");
        commit = c.prepareStatement("COMMIT");
        rollback = c.prepareStatement("ROLLBACK");
        savepoint = c.prepareStatement("SAVEPOINT append");
        release = c.prepareStatement("RELEASE append");
        rollbackToSavepoint = c.prepareStatement("ROLLBACK TO append");
        dataVersion = c.prepareStatement("PRAGMA data_version");
        readClock = c.prepareStatement("SELECT recorded_at FROM clock WHERE id = 1");
        writeClock = c.prepareStatement("UPDATE clock SET recorded_at = ? WHERE id = 1");
        findStream = c.prepareStatement("SELECT id, version FROM streams WHERE stream = ?");
        findEvent = c.prepareStatement("SELECT " + EnvelopeRows.COLUMNS
                + " FROM events WHERE stream_id = ? AND event_id = ?");
        insertStream = c.prepareStatement("INSERT INTO streams (stream, domain, aggregate, version) VALUES (?, ?, ?, ?)");
        lastRowId = c.prepareStatement("SELECT last_insert_rowid()");
        updateStream = c.prepareStatement("UPDATE streams SET version = ? WHERE id = ?");
        insertEvent = c.prepareStatement("INSERT INTO events (stream_id, version, event_id, event_type, schema_version, "
                + "occurred_at, occurred_on, recorded_at, correlation_id, causation_id, who, source, commentary, data) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /** Starts the group's transaction and returns the recordedAt its appends get: never before the last one handed out. */
    long begin() throws SQLException {
        begin.execute();
        long version = single(dataVersion);
        if (version != seenDataVersion) {
            streams.clear();
            seenDataVersion = version;
        }
        return Math.max(System.currentTimeMillis(), single(readClock));
    }

    void commit(long recordedAt) throws SQLException {
        writeClock.setLong(1, recordedAt);
        writeClock.executeUpdate();
        commit.execute();
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
     * Decides and, when it is accepted, writes one append. Checks come first and read only; the writes run in a
     * savepoint so a failure undoes this append alone and leaves the rest of the group intact.
     */
    AppendResult apply(PendingAppend p, long recordedAt) throws SQLException {
        String name = p.stream().toString();
        StreamRow row = stream(name);
        long current = row == null ? 0 : row.version();
        List<PendingEvent> events = p.events();
        if (row != null && !events.isEmpty()) {
            List<EventEnvelope> stored = storedCopies(row.id(), name, events);
            if (stored.size() == events.size()) {
                return new Appended(p.stream(), stored, true);
            }
            if (!stored.isEmpty()) {
                return new Conflict(p.stream(), p.expectedVersion(), current);
            }
        }
        BatchSize.check(p.stream(), events, current + 1, recordedAt);
        if (p.expectedVersion() != EventStore.ANY && p.expectedVersion() != current) {
            return new Conflict(p.stream(), p.expectedVersion(), current);
        }
        if (events.isEmpty()) {
            return new Appended(p.stream(), List.of(), false);
        }
        savepoint.execute();
        try {
            List<EventEnvelope> written = write(p.stream(), row, events, recordedAt);
            release.execute();
            return new Appended(p.stream(), written, false);
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
