package io.farmhub.eventstore.sqlite;

import io.farmhub.eventstore.EventStoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite file behind the embedded event store: how its connections are opened and what its schema is.
 *
 * <p>WAL lets readers see the last commit while the writer works; {@code synchronous=FULL} makes every commit
 * reach the disk before it returns, which is what lets the writer acknowledge an append as durable.
 */
final class SqliteDatabase {

    /** How long a connection waits for another process's (or store instance's) write lock before failing. */
    static final int BUSY_TIMEOUT_MS = 30_000;

    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS streams (
            id        INTEGER PRIMARY KEY,
            stream    TEXT    NOT NULL UNIQUE,
            domain    TEXT    NOT NULL,
            aggregate TEXT    NOT NULL,
            version   INTEGER NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS streams_by_aggregate ON streams (domain, aggregate, stream)",
        // position: the global commit order, for later consumers that follow every stream at once.
        // data last: SQLite reads columns in order, so the small envelope fields stay on the row's first page.
        """
        CREATE TABLE IF NOT EXISTS events (
            position       INTEGER PRIMARY KEY,
            stream_id      INTEGER NOT NULL REFERENCES streams (id),
            version        INTEGER NOT NULL,
            event_id       TEXT    NOT NULL,
            event_type     TEXT    NOT NULL,
            schema_version INTEGER NOT NULL,
            occurred_at    TEXT    NOT NULL,
            occurred_on    TEXT    NOT NULL,
            recorded_at    INTEGER NOT NULL,
            correlation_id TEXT,
            causation_id   TEXT,
            who            TEXT,
            source         TEXT,
            commentary     TEXT,
            data           TEXT    NOT NULL)""",
        "CREATE UNIQUE INDEX IF NOT EXISTS events_by_version ON events (stream_id, version)",
        "CREATE UNIQUE INDEX IF NOT EXISTS events_by_id ON events (stream_id, event_id)",
        // occurred_on is the UTC business date (yyyy-mm-dd, sorts as text): asOf filters on it in SQL while the
        // read walks events_by_version. An index on (stream_id, occurred_on) cost a write per event and the planner
        // never chose it (reads are in version order), so files made before are rid of it.
        "DROP INDEX IF EXISTS events_by_business_date",
        // recordedAt never goes backwards, not across restarts, nor when the wall clock steps back: a writer hands
        // out at least the newest event's recordedAt (every recordedAt handed out is stored with the events of its
        // commit) and at least this row's, which earlier versions of the store kept up to date on every commit.
        "CREATE TABLE IF NOT EXISTS clock (id INTEGER PRIMARY KEY CHECK (id = 1), recorded_at INTEGER NOT NULL)",
        "INSERT OR IGNORE INTO clock (id, recorded_at) VALUES (1, 0)",
    };

    private final Path file;

    SqliteDatabase(Path file) {
        this.file = file.toAbsolutePath();
    }

    Path file() {
        return file;
    }

    /**
     * The one write connection; creates the schema if the file is new. It never checkpoints: that is the
     * {@link Checkpointer}'s work, on its own connection, so no commit waits for it.
     */
    Connection openWriter() {
        SQLiteConfig config = common();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        Connection c = open(config);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_autocheckpoint = 0");
            s.execute("BEGIN IMMEDIATE");
            for (String ddl : SCHEMA) {
                s.execute(ddl);
            }
            s.execute("COMMIT");
        } catch (SQLException e) {
            close(c);
            throw new EventStoreException("cannot create the event store schema in " + file + ": " + e.getMessage(), e);
        }
        return c;
    }

    /** A connection that only reads: in WAL mode it sees the last commit and never waits for the writer. */
    Connection openReader() {
        SQLiteConfig config = common();
        config.setCacheSize(-16_384); // KiB: replaying a long stream keeps its index pages warm
        Connection c = open(config);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA query_only = true"); // a reader that tried to write would be a bug: make it loud
        } catch (SQLException e) {
            close(c);
            throw new EventStoreException("cannot open a reader on " + file + ": " + e.getMessage(), e);
        }
        return c;
    }

    /**
     * The checkpointer's connection: {@code synchronous=FULL}, so a checkpoint syncs the WAL before it copies
     * pages and the database file before the WAL may be reused.
     */
    Connection openCheckpointer() {
        SQLiteConfig config = common();
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        return open(config);
    }

    private static SQLiteConfig common() {
        SQLiteConfig config = new SQLiteConfig();
        // Otherwise the driver runs "SELECT last_insert_rowid()" as a new statement after every INSERT.
        config.setGetGeneratedKeys(false);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setEncoding(SQLiteConfig.Encoding.UTF8);
        return config;
    }

    private Connection open(SQLiteConfig config) {
        try {
            return config.createConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw new EventStoreException("cannot open the event store " + file + ": " + e.getMessage(), e);
        }
    }

    static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing on the way out: nothing left to protect
        }
    }
}
