package io.farmhub.security;

import io.farmhub.DataDirectory;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Counts commands against quotas in {@code ${farmhub.data-dir}/quotas.db} (SQLite), one row per command id,
 * so a restart keeps the day's counts and a re-driven command (same id) never counts twice. Only users with
 * a quota ever touch it. One hub instance owns the file: a scaled-out azure deployment counts per instance.
 */
@Component
public class QuotaLedger {

    /** Rows older than this are pruned; a command re-driven later than that would count again. */
    private static final int KEEP_DAYS = 30;

    private final Path file;
    private Connection connection;
    private LocalDate prunedOn;

    public QuotaLedger(DataDirectory dataDirectory) {
        this.file = dataDirectory.root().resolve("quotas.db");
    }

    /**
     * Counts {@code commandId} against the user's {@code limit} for {@code commandType} on {@code day}.
     * True when it is within the quota (now or since an earlier call with the same id).
     */
    public synchronized boolean count(String user, String commandType, String commandId, LocalDate day, int limit) {
        try {
            Connection db = open();
            prune(db, day);
            if (alreadyCounted(db, user, commandType, commandId)) {
                return true;
            }
            if (countOn(db, user, commandType, day) >= limit) {
                return false;
            }
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO quota_usage (user_name, command_type, command_id, day) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, user);
                insert.setString(2, commandType);
                insert.setString(3, commandId);
                insert.setString(4, day.toString());
                insert.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the quota in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Commands counted for the user and type on that day. */
    public synchronized int used(String user, String commandType, LocalDate day) {
        try {
            return countOn(open(), user, commandType, day);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the quota in " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean alreadyCounted(Connection db, String user, String type, String id) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT 1 FROM quota_usage WHERE user_name = ? AND command_type = ? AND command_id = ?")) {
            query.setString(1, user);
            query.setString(2, type);
            query.setString(3, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static int countOn(Connection db, String user, String type, LocalDate day) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT COUNT(*) FROM quota_usage WHERE user_name = ? AND command_type = ? AND day = ?")) {
            query.setString(1, user);
            query.setString(2, type);
            query.setString(3, day.toString());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private void prune(Connection db, LocalDate today) throws SQLException {
        if (today.equals(prunedOn)) {
            return;
        }
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM quota_usage WHERE day < ?")) {
            delete.setString(1, today.minusDays(KEEP_DAYS).toString());
            delete.executeUpdate();
        }
        prunedOn = today;
    }

    private Connection open() throws SQLException {
        if (connection == null) {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("PRAGMA journal_mode=WAL");
                ddl.execute("PRAGMA synchronous=FULL");
                ddl.execute("CREATE TABLE IF NOT EXISTS quota_usage (user_name TEXT NOT NULL, "
                        + "command_type TEXT NOT NULL, command_id TEXT NOT NULL, day TEXT NOT NULL, "
                        + "PRIMARY KEY (user_name, command_type, command_id))");
                ddl.execute("CREATE INDEX IF NOT EXISTS quota_usage_by_day "
                        + "ON quota_usage (user_name, command_type, day)");
            }
        }
        return connection;
    }

    @PreDestroy
    public synchronized void close() throws SQLException {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
