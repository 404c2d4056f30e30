package io.farmhub.projection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded projection cache: {@code ${farmhub.data-dir}/projections.db}, a sibling of the event store's
 * file. A file of its own because the event store's single writer thread owns {@code farmhub.db}: a projection
 * write never waits for an append, nor an append for a projection. WAL with {@code synchronous=NORMAL}: a cache
 * may lose its last writes in a power cut (never its consistency); reconciliation then catches it up.
 *
 * <p>A snapshot and its facets change in one transaction, so the classifier index always matches the state.
 */
public final class SqliteSnapshotStore implements SnapshotStore {

    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS snapshots (
            projection TEXT    NOT NULL,
            generation INTEGER NOT NULL,
            key        TEXT    NOT NULL,
            version    INTEGER NOT NULL,
            etag       INTEGER NOT NULL,
            state      TEXT    NOT NULL,
            PRIMARY KEY (projection, generation, key)) WITHOUT ROWID""",
        SqliteFacets.TABLE,
        SqliteFacets.INDEX,
        SqliteGenerations.TABLE,
    };

    private final Path file;
    private final Connection writer;
    private final SqliteReaders readers;
    private final SqliteGenerations generations;

    public SqliteSnapshotStore(Path file) {
        this.file = file.toAbsolutePath();
        this.writer = SqliteReaders.open(this.file, false);
        try (Statement s = writer.createStatement()) {
            for (String ddl : SCHEMA) {
                s.execute(ddl);
            }
        } catch (SQLException e) {
            throw fault("create the projection cache schema", e);
        }
        this.readers = new SqliteReaders(this.file, 4);
        this.generations = new SqliteGenerations(this.file, writer, readers);
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<Snapshot> read(String projection, int generation, String key) {
        return readers.with(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT version, etag, state FROM snapshots WHERE projection = ? AND generation = ? AND key = ?")) {
                q.setString(1, projection);
                q.setInt(2, generation);
                q.setString(3, key);
                try (ResultSet r = q.executeQuery()) {
                    return r.next()
                            ? Optional.of(new Snapshot(projection, key, r.getLong(1), r.getString(3), Map.of(),
                                    Long.toString(r.getLong(2))))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public synchronized Optional<Snapshot> write(int generation, Snapshot s) {
        try {
            writer.setAutoCommit(false);
            long etag;
            if (s.etag() == null) {
                etag = 1;
                try (PreparedStatement insert = writer.prepareStatement("""
                        INSERT INTO snapshots (projection, generation, key, version, etag, state)
                        VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT DO NOTHING""")) {
                    bind(insert, s.projection(), generation, s.key());
                    insert.setLong(4, s.version());
                    insert.setString(5, s.state());
                    if (insert.executeUpdate() == 0) {
                        writer.rollback();
                        return Optional.empty();
                    }
                }
            } else {
                etag = Long.parseLong(s.etag()) + 1;
                try (PreparedStatement update = writer.prepareStatement("""
                        UPDATE snapshots SET version = ?, etag = ?, state = ?
                        WHERE projection = ? AND generation = ? AND key = ? AND etag = ?""")) {
                    update.setLong(1, s.version());
                    update.setLong(2, etag);
                    update.setString(3, s.state());
                    update.setString(4, s.projection());
                    update.setInt(5, generation);
                    update.setString(6, s.key());
                    update.setLong(7, etag - 1);
                    if (update.executeUpdate() == 0) {
                        writer.rollback();
                        return Optional.empty();
                    }
                }
                try (PreparedStatement clear = writer.prepareStatement(
                        "DELETE FROM facets WHERE projection = ? AND generation = ? AND key = ?")) {
                    bind(clear, s.projection(), generation, s.key());
                    clear.executeUpdate();
                }
            }
            SqliteFacets.insert(writer, generation, List.of(s));
            writer.commit();
            return Optional.of(s.withEtag(Long.toString(etag)));
        } catch (SQLException e) {
            rollbackQuietly();
            throw fault("write " + s.projection() + " " + s.key(), e);
        } finally {
            autoCommit();
        }
    }

    @Override
    public synchronized void writeAll(int generation, List<Snapshot> snapshots) {
        try {
            writer.setAutoCommit(false);
            try (PreparedStatement upsert = writer.prepareStatement("""
                    INSERT INTO snapshots (projection, generation, key, version, etag, state) VALUES (?, ?, ?, ?, 1, ?)
                    ON CONFLICT DO UPDATE SET version = excluded.version, etag = etag + 1, state = excluded.state""");
                    PreparedStatement clear = writer.prepareStatement(
                            "DELETE FROM facets WHERE projection = ? AND generation = ? AND key = ?")) {
                for (Snapshot s : snapshots) {
                    bind(upsert, s.projection(), generation, s.key());
                    upsert.setLong(4, s.version());
                    upsert.setString(5, s.state());
                    upsert.addBatch();
                    bind(clear, s.projection(), generation, s.key());
                    clear.addBatch();
                }
                upsert.executeBatch();
                clear.executeBatch();
            }
            SqliteFacets.insert(writer, generation, snapshots);
            writer.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw fault("write " + snapshots.size() + " snapshots", e);
        } finally {
            autoCommit();
        }
    }

    @Override
    public Map<String, Long> versions(String projection, int generation) {
        return readers.with(c -> {
            Map<String, Long> versions = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT key, version FROM snapshots WHERE projection = ? AND generation = ?")) {
                q.setString(1, projection);
                q.setInt(2, generation);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        versions.put(r.getString(1), r.getLong(2));
                    }
                }
            }
            return versions;
        });
    }

    @Override
    public Set<String> find(int generation, FacetQuery query) {
        return readers.with(c -> SqliteFacets.find(c, generation, query));
    }

    @Override
    public int currentGeneration(String projection) {
        return generations.current(projection);
    }

    @Override
    public int newGeneration(String projection) {
        synchronized (this) {
            return generations.reserve(projection);
        }
    }

    @Override
    public void switchTo(String projection, int generation) {
        synchronized (this) {
            generations.switchTo(projection, generation);
        }
    }

    @Override
    public synchronized void drop(String projection, int generation) {
        try (PreparedStatement states = writer.prepareStatement(
                "DELETE FROM snapshots WHERE projection = ? AND generation = ?");
                PreparedStatement facets = writer.prepareStatement(
                        "DELETE FROM facets WHERE projection = ? AND generation = ?")) {
            for (PreparedStatement d : List.of(states, facets)) {
                d.setString(1, projection);
                d.setInt(2, generation);
                d.executeUpdate();
            }
        } catch (SQLException e) {
            throw fault("drop generation " + generation + " of " + projection, e);
        }
    }

    @Override
    public String kind() {
        return "sqlite";
    }

    @Override
    public synchronized void close() {
        readers.close();
        SqliteReaders.closeQuietly(writer);
    }

    private static void bind(PreparedStatement p, String projection, int generation, String key) throws SQLException {
        p.setString(1, projection);
        p.setInt(2, generation);
        p.setString(3, key);
    }

    private void rollbackQuietly() {
        try {
            writer.rollback();
        } catch (SQLException ignored) {
            // the write already failed; its exception is the one worth reporting
        }
    }

    private void autoCommit() {
        try {
            writer.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the next write sets it again
        }
    }

    private RuntimeException fault(String what, SQLException e) {
        return new ProjectionStoreException("cannot " + what + " in " + file + ": " + e.getMessage(), e);
    }
}
