package io.farmhub.eventstore.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies committed pages from the WAL into the database file, on its own thread and connection, so that no
 * commit pays for it. Left to SQLite, the commit that takes the WAL past 1,000 pages runs the checkpoint itself:
 * it copies the pages and syncs the database file before it returns, and every append of its group waits.
 *
 * <p>The writer tells it how much it committed; after every {@link #EVERY_BYTES} a passive checkpoint runs: it
 * never takes the write lock, so the writer commits on meanwhile, and it copies what no reader still needs. A
 * checkpoint that fails is logged and tried again later: the WAL only grows meanwhile, nothing is lost.
 */
final class Checkpointer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

    /** Bytes committed (as bounded by {@link PendingAppend#bytes}) between checkpoints: about 1,000 WAL pages. */
    static final long EVERY_BYTES = 8L * 1024 * 1024;

    private final SqliteDatabase db;
    private final Semaphore due = new Semaphore(0);
    private final Thread thread;
    private volatile boolean closed;
    /** Written by the writer thread only. */
    private long sinceLast;

    Checkpointer(SqliteDatabase db) {
        this.db = db;
        this.thread = new Thread(this::run, "event-store-checkpointer");
        thread.setDaemon(true); // a checkpoint cut short by the JVM's exit is simply done again on the next open
        thread.start();
    }

    /** Called by the writer after each commit; never blocks. */
    void committed(long bytes) {
        sinceLast += bytes;
        if (sinceLast >= EVERY_BYTES) {
            sinceLast = 0;
            due.release();
        }
    }

    private void run() {
        try (Connection c = db.openCheckpointer(); Statement s = c.createStatement()) {
            while (true) {
                due.acquire();
                due.drainPermits();
                if (closed) {
                    return;
                }
                try {
                    s.execute("PRAGMA wal_checkpoint(PASSIVE)");
                } catch (SQLException e) {
                    log.warn("Event store {}: a checkpoint failed, the next one will try again: {}", db.file(),
                            e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            log.error("Event store {}: the checkpointer stopped; the WAL will grow until the store reopens",
                    db.file(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        due.release();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
