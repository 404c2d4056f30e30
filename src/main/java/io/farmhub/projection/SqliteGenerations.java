package io.farmhub.projection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which generation of each projection serves reads (embedded), and the last one handed out. The current one is
 * remembered in memory: only this process writes this file, and every notification needs it. The caller holds
 * the writer's lock around {@link #reserve} and {@link #switchTo}.
 */
final class SqliteGenerations {

    static final String TABLE = """
            CREATE TABLE IF NOT EXISTS generations (
                projection TEXT    PRIMARY KEY,
                current    INTEGER NOT NULL,
                latest     INTEGER NOT NULL)""";

    private final Path file;
    private final Connection writer;
    private final SqliteReaders readers;
    private final Map<String, Integer> current = new ConcurrentHashMap<>();

    SqliteGenerations(Path file, Connection writer, SqliteReaders readers) {
        this.file = file;
        this.writer = writer;
        this.readers = readers;
    }

    int current(String projection) {
        return current.computeIfAbsent(projection, p -> readers.with(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT current FROM generations WHERE projection = ?")) {
                q.setString(1, p);
                try (ResultSet r = q.executeQuery()) {
                    return r.next() ? r.getInt(1) : 0;
                }
            }
        }));
    }

    int reserve(String projection) {
        try (PreparedStatement upsert = writer.prepareStatement("""
                INSERT INTO generations (projection, current, latest) VALUES (?, 0, 1)
                ON CONFLICT DO UPDATE SET latest = latest + 1 RETURNING latest""")) {
            upsert.setString(1, projection);
            try (ResultSet r = upsert.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new ProjectionStoreException("cannot reserve a generation of " + projection + " in " + file, e);
        }
    }

    void switchTo(String projection, int generation) {
        try (PreparedStatement upsert = writer.prepareStatement("""
                INSERT INTO generations (projection, current, latest) VALUES (?, ?, ?)
                ON CONFLICT DO UPDATE SET current = excluded.current, latest = max(latest, excluded.current)""")) {
            upsert.setString(1, projection);
            upsert.setInt(2, generation);
            upsert.setInt(3, generation);
            upsert.executeUpdate();
            current.put(projection, generation);
        } catch (SQLException e) {
            throw new ProjectionStoreException("cannot switch " + projection + " to generation " + generation
                    + " in " + file, e);
        }
    }
}
