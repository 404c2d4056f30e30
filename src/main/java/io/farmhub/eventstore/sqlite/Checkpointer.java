package io.farmhub.eventstore.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies committed pages from the WAL into the database file, on its own thread and connection, so that commits
 * pay next to nothing for it. Left to SQLite, the commit that takes the WAL past 1,000 pages runs the whole
 * checkpoint itself: it copies the pages and syncs the database file before it returns, and every append of its
 * group waits.
 *
 * <p>After the writer commits, a passive checkpoint runs here, at most every {@link #PAUSE_MS} ms: it never takes
 * the write lock, so the writer commits on meanwhile, and it copies the bulk of the WAL and syncs it into the
 * database file. But SQLite starts the WAL over from its beginning only once a checkpoint has copied all of it,
 * which a checkpoint running beside a busy writer never does; the WAL would grow without end, and a commit that
 * extends a file costs more than one that overwrites it. So the writer finishes the job: before its next group it
 * runs a passive checkpoint itself ({@link #tailDue}), which has only the pages committed since to copy, and its
 * next transaction starts the WAL over. A checkpoint that fails is logged and tried again: the WAL only grows
 * meanwhile, nothing is lost.
 */
final class Checkpointer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

    /** The least time between two checkpoints while commits go on. */
    static final long PAUSE_MS = 100;

    private final SqliteDatabase db;
    private final Semaphore committed = new Semaphore(0);
    private final AtomicBoolean tailDue = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean closed;

    Checkpointer(SqliteDatabase db) {
        this.db = db;
        this.thread = new Thread(this::run, "event-store-checkpointer");
        thread.setDaemon(true); // a checkpoint cut short by the JVM's exit is simply done again on the next open
        thread.start();
    }

    /** Called by the writer after each commit that wrote; never blocks. */
    void committed() {
        committed.release();
    }

    /** Asked by the writer before each group: true (once) when it should finish a checkpoint run here. */
    boolean tailDue() {
        return tailDue.getAndSet(false);
    }

    private void run() {
        try (Connection c = db.openCheckpointer(); Statement s = c.createStatement()) {
            while (true) {
                committed.acquire();
                committed.drainPermits();
                if (closed) {
                    return;
                }
                try (ResultSet ignored = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                    tailDue.set(true);
                } catch (SQLException e) {
                    log.warn("Event store {}: a checkpoint failed, the next one will try again: {}", db.file(),
                            e.getMessage());
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PAUSE_MS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            log.error("Event store {}: the checkpointer stopped; the WAL grows until the store is reopened",
                    db.file(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        committed.release();
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
