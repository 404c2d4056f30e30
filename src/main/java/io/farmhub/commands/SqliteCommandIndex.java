package io.farmhub.commands;

import io.farmhub.DataDirectory;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.sqlite.SQLiteConfig;

/**
 * The embedded command index: table {@code command_index} in {@code ${farmhub.data-dir}/command-index.db}, a
 * file of its own so the event store's writer never waits for it. WAL with {@code synchronous=NORMAL}: an entry
 * survives a crash of the process (what the crash tests do); a power cut may lose the last few, which only hides
 * those commands from lists and reconciliation, never loses their events or status. Writes from many threads
 * share transactions ({@link CommandIndexWrites}); reads run on connections of their own and never wait for them.
 */
@Component
@Profile("!azure")
public class SqliteCommandIndex implements CommandIndex, DisposableBean {

    private static final String RUNNING = "('CREATED', 'VALIDATED', 'IN_PROGRESS')";
    /** Reader connections kept open between reads; more may be open during a burst. */
    private static final int KEEP_IDLE = 32;

    private final String url;
    private final CommandIndexWrites writes;
    private final Deque<Connection> readers = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    @Autowired
    public SqliteCommandIndex(DataDirectory data) {
        this(data.root().resolve("command-index.db"));
    }

    SqliteCommandIndex(Path file) {
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        try {
            Connection db = open();
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
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
            writes = new CommandIndexWrites(db);
        } catch (SQLException e) {
            throw new EventStoreException("cannot open the command index " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Entry> find(String commandId) {
        return query("SELECT * FROM command_index WHERE command_id = ?", commandId).stream().findFirst();
    }

    @Override
    public void put(String commandId, StreamId stream, Instant createdAt) {
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
    public Map<String, Entry> findAll(Collection<String> commandIds) {
        Map<String, Entry> found = new HashMap<>();
        List<String> ids = List.copyOf(new LinkedHashSet<>(commandIds));
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(",", Collections.nCopies(part.size(), "?"));
            query("SELECT * FROM command_index WHERE command_id IN (" + marks + ")", part.toArray())
                    .forEach(e -> found.put(e.commandId(), e));
        }
        return found;
    }

    @Override
    public void putAll(List<Entry> ended) {
        if (closed) {
            throw new EventStoreException("the command index is closed");
        }
        writes.write(db -> {
            try (PreparedStatement s = db.prepareStatement("""
                    INSERT INTO command_index (command_id, stream, state, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (command_id) DO NOTHING""")) {
                for (Entry e : ended) {
                    s.setString(1, e.commandId());
                    s.setString(2, e.stream().toString());
                    s.setString(3, e.state().name());
                    s.setLong(4, e.createdAt().toEpochMilli());
                    s.setLong(5, e.updatedAt().toEpochMilli());
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    @Override
    public void state(String commandId, CommandState state, Instant updatedAt) {
        update("UPDATE command_index SET state = ?, updated_at = ? WHERE command_id = ?",
                state.name(), updatedAt.toEpochMilli(), commandId);
    }

    @Override
    public void forget(String commandId) {
        update("DELETE FROM command_index WHERE command_id = ?", commandId);
    }

    @Override
    public List<Entry> recent(CommandState state, int limit) {
        if (state == null) {
            return query("SELECT * FROM command_index ORDER BY created_at DESC, command_id LIMIT ?", limit);
        }
        // Running states are not told apart here (the index learns only terminal ones): the caller checks.
        String states = state.terminal() ? "('" + state.name() + "')" : RUNNING;
        return query("SELECT * FROM command_index WHERE state IN " + states
                + " ORDER BY created_at DESC, command_id LIMIT ?", limit);
    }

    @Override
    public List<Entry> stalled(Instant before) {
        return query("SELECT * FROM command_index WHERE state IN " + RUNNING + " AND updated_at < ?"
                + " ORDER BY updated_at", before.toEpochMilli());
    }

    @Override
    public void destroy() throws SQLException {
        closed = true;
        writes.close();
        for (Connection c; (c = readers.poll()) != null; ) {
            c.close();
        }
    }

    private void update(String sql, Object... args) {
        if (closed) {
            throw new EventStoreException("the command index is closed");
        }
        writes.write(db -> {
            try (PreparedStatement s = prepare(db, sql, args)) {
                s.executeUpdate();
            }
        });
    }

    private List<Entry> query(String sql, Object... args) {
        if (closed) {
            throw new EventStoreException("the command index is closed");
        }
        Connection db = readers.poll();
        boolean healthy = false;
        try {
            if (db == null) {
                db = open();
            }
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement s = prepare(db, sql, args); ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(rows.getString("command_id"), StreamId.parse(rows.getString("stream")),
                            CommandState.valueOf(rows.getString("state")),
                            Instant.ofEpochMilli(rows.getLong("created_at")),
                            Instant.ofEpochMilli(rows.getLong("updated_at"))));
                }
            }
            healthy = true;
            return entries;
        } catch (SQLException e) {
            throw new EventStoreException("the command index failed: " + e.getMessage(), e);
        } finally {
            release(db, healthy);
        }
    }

    private void release(Connection db, boolean healthy) {
        if (db == null) {
            return;
        }
        if (healthy && !closed && readers.size() < KEEP_IDLE) {
            readers.push(db);
            return;
        }
        try {
            db.close();
        } catch (SQLException ignored) {
            // a reader on its way out: nothing to protect
        }
    }

    private Connection open() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(30_000);
        config.setGetGeneratedKeys(false);
        return config.createConnection(url);
    }

    private static PreparedStatement prepare(Connection db, String sql, Object... args) throws SQLException {
        PreparedStatement s = db.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
        return s;
    }
}
