package io.farmhub.eventstore.sqlite;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.StreamVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One reader's connection with its prepared queries; used by one thread at a time (see {@link ReadConnections}). */
final class ReadConnection implements AutoCloseable {

    private static final String FROM_STREAM = " FROM events WHERE stream_id = (SELECT id FROM streams WHERE stream = ?)"
            + " AND version >= ? AND recorded_at <= ?";

    private final Connection c;
    private final PreparedStatement read;
    private final PreparedStatement readAsOf;
    private final PreparedStatement version;
    private final PreparedStatement list;
    private final PreparedStatement ping;

    ReadConnection(Connection c) throws SQLException {
        this.c = c;
        // Two statements, so that without asOf the planner walks the (stream, version) index in order.
        read = c.prepareStatement("SELECT " + EnvelopeRows.COLUMNS + FROM_STREAM + " ORDER BY version");
        readAsOf = c.prepareStatement("SELECT " + EnvelopeRows.COLUMNS + FROM_STREAM
                + " AND occurred_on <= ? ORDER BY version");
        version = c.prepareStatement("SELECT version FROM streams WHERE stream = ?");
        list = c.prepareStatement("SELECT stream, version FROM streams WHERE domain = ? AND aggregate = ? ORDER BY stream");
        ping = c.prepareStatement("SELECT count(*) FROM clock");
    }

    List<EventEnvelope> read(StreamId stream, long fromVersion, LocalDate asOf, Instant knownAt) throws SQLException {
        String name = stream.toString();
        PreparedStatement q = asOf == null ? read : readAsOf;
        q.setString(1, name);
        q.setLong(2, fromVersion);
        // recordedAt is stored in whole milliseconds, so "at or before knownAt" is "at or before its millisecond"
        q.setLong(3, knownAt == null ? Long.MAX_VALUE : knownAt.toEpochMilli());
        if (asOf != null) {
            q.setString(4, asOf.toString());
        }
        List<EventEnvelope> events = new ArrayList<>();
        EnvelopeRows rows = new EnvelopeRows(name);
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                events.add(rows.next(rs));
            }
        }
        return events;
    }

    long version(StreamId stream) throws SQLException {
        version.setString(1, stream.toString());
        try (ResultSet rs = version.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    List<StreamVersion> list(String domain, String aggregate) throws SQLException {
        list.setString(1, domain);
        list.setString(2, aggregate);
        List<StreamVersion> streams = new ArrayList<>();
        try (ResultSet rs = list.executeQuery()) {
            while (rs.next()) {
                streams.add(new StreamVersion(StreamId.parse(rs.getString(1)), rs.getLong(2)));
            }
        }
        return streams;
    }

    void ping() throws SQLException {
        try (ResultSet rs = ping.executeQuery()) {
            rs.next();
        }
    }

    @Override
    public void close() {
        SqliteDatabase.close(c);
    }
}
