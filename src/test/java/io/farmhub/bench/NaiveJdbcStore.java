package io.farmhub.bench;

import io.farmhub.core.Json;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The baseline for append.concurrent: what a straightforward implementation does — one connection per writer
 * and one JDBC transaction (with its own fsync) per append, same pragmas (WAL, synchronous=FULL).
 */
final class NaiveJdbcStore implements AutoCloseable {

    private final String url;
    private final ThreadLocal<Connection> connections;
    private final List<Connection> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

    NaiveJdbcStore(Path file) throws SQLException {
        this.url = "jdbc:sqlite:" + file;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE IF NOT EXISTS events (stream TEXT NOT NULL, version INTEGER NOT NULL,"
                    + " event_id TEXT NOT NULL UNIQUE, envelope TEXT NOT NULL, PRIMARY KEY (stream, version))");
        }
        this.connections = ThreadLocal.withInitial(this::open);
    }

    private Connection open() {
        try {
            Connection c = DriverManager.getConnection(url);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=60000");
            }
            opened.add(c);
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void append(StreamId stream, long expectedVersion, List<NewEvent> events) throws Exception {
        Connection c = connections.get();
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
        try {
            long current;
            try (PreparedStatement q = c.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM events WHERE stream = ?")) {
                q.setString(1, stream.toString());
                try (ResultSet rs = q.executeQuery()) {
                    current = rs.next() ? rs.getLong(1) : 0;
                }
            }
            if (current != expectedVersion) {
                throw new IllegalStateException("conflict on " + stream);
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO events (stream, version, event_id, envelope) VALUES (?, ?, ?, ?)")) {
                long version = current;
                for (NewEvent e : events) {
                    insert.setString(1, stream.toString());
                    insert.setLong(2, ++version);
                    insert.setString(3, e.eventId());
                    insert.setString(4, Json.MAPPER.writeValueAsString(e));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.execute("COMMIT");
            }
        } catch (Exception e) {
            try (Statement s = c.createStatement()) {
                s.execute("ROLLBACK");
            }
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        for (Connection c : opened) {
            c.close();
        }
    }
}
