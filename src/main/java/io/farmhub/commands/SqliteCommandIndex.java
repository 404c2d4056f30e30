package io.farmhub.commands;

import io.farmhub.DataDirectory;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The embedded command index: table {@code command_index} in {@code ${farmhub.data-dir}/command-index.db}, a
 * file of its own so the event store's writer never waits for it. WAL with {@code synchronous=NORMAL}: an entry
 * survives a crash of the process (what the crash tests do); a power cut may lose the last few, which only hides
 * those commands from lists and reconciliation, never loses their events or status.
 */
@Component
@Profile("!azure")
public class SqliteCommandIndex implements CommandIndex, DisposableBean {

    private static final String RUNNING = "('CREATED', 'VALIDATED', 'IN_PROGRESS')";

    private final Connection db;

    @Autowired
    public SqliteCommandIndex(DataDirectory data) {
        this(data.root().resolve("command-index.db"));
    }

    SqliteCommandIndex(Path file) {
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=30000");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS command_index (
                            command_id TEXT PRIMARY KEY,
                            stream     TEXT NOT NULL,
                            state      TEXT NOT NULL,
                            created_at INTEGER NOT NULL,
                            updated_at INTEGER NOT NULL)""");
                s.execute("CREATE INDEX IF NOT EXISTS command_index_by_created ON command_index (created_at)");
                s.execute("CREATE INDEX IF NOT EXISTS command_index_by_state ON command_index (state, updated_at)");
            }
        } catch (SQLException e) {
            throw new EventStoreException("cannot open the command index " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<Entry> find(String commandId) {
        List<Entry> found = query("SELECT * FROM command_index WHERE command_id = ?", commandId);
        return found.stream().findFirst();
    }

    @Override
    public synchronized void put(String commandId, StreamId stream, Instant createdAt) {
        // A row for the same stream is the same command: keep its state. Another stream replaces it (the caller
        // checked that the other stream was never written).
        update("""
                INSERT INTO command_index (command_id, stream, state, created_at, updated_at)
                VALUES (?, ?, 'CREATED', ?, ?)
                ON CONFLICT (command_id) DO UPDATE SET stream = excluded.stream, state = excluded.state,
                    created_at = excluded.created_at, updated_at = excluded.updated_at
                WHERE command_index.stream <> excluded.stream""",
                commandId, stream.toString(), createdAt.toEpochMilli(), createdAt.toEpochMilli());
    }

    @Override
    public synchronized void state(String commandId, CommandState state, Instant updatedAt) {
        update("UPDATE command_index SET state = ?, updated_at = ? WHERE command_id = ?",
                state.name(), updatedAt.toEpochMilli(), commandId);
    }

    @Override
    public synchronized void forget(String commandId) {
        update("DELETE FROM command_index WHERE command_id = ?", commandId);
    }

    @Override
    public synchronized List<Entry> recent(CommandState state, int limit) {
        if (state == null) {
            return query("SELECT * FROM command_index ORDER BY created_at DESC, command_id LIMIT ?", limit);
        }
        // Running states are not told apart here (the index learns only terminal ones): the caller checks.
        String states = state.terminal() ? "('" + state.name() + "')" : RUNNING;
        return query("SELECT * FROM command_index WHERE state IN " + states
                + " ORDER BY created_at DESC, command_id LIMIT ?", limit);
    }

    @Override
    public synchronized List<Entry> stalled(Instant before) {
        return query("SELECT * FROM command_index WHERE state IN " + RUNNING + " AND updated_at < ?"
                + " ORDER BY updated_at", before.toEpochMilli());
    }

    @Override
    public synchronized void destroy() throws SQLException {
        db.close();
    }

    private void update(String sql, Object... args) {
        try (PreparedStatement s = prepare(sql, args)) {
            s.executeUpdate();
        } catch (SQLException e) {
            throw new EventStoreException("the command index failed: " + e.getMessage(), e);
        }
    }

    private List<Entry> query(String sql, Object... args) {
        try (PreparedStatement s = prepare(sql, args); ResultSet rows = s.executeQuery()) {
            List<Entry> entries = new ArrayList<>();
            while (rows.next()) {
                entries.add(new Entry(rows.getString("command_id"), StreamId.parse(rows.getString("stream")),
                        CommandState.valueOf(rows.getString("state")),
                        Instant.ofEpochMilli(rows.getLong("created_at")),
                        Instant.ofEpochMilli(rows.getLong("updated_at"))));
            }
            return entries;
        } catch (SQLException e) {
            throw new EventStoreException("the command index failed: " + e.getMessage(), e);
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement s = db.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
        return s;
    }
}
