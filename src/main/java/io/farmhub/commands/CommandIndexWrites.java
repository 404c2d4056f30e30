package io.farmhub.commands;

import io.farmhub.eventstore.EventStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded command index's writes, many callers' in one transaction. Every command writes the index twice
 * (indexed on submit, its terminal state at the end), from many threads at once: one transaction each, in turn,
 * made them queue behind each other's commits. Here each caller queues its write and takes the lock; whoever
 * holds it commits everything queued so far, so a caller who finds its write committed meanwhile just returns.
 * Each caller still returns only once its own write is committed.
 */
final class CommandIndexWrites implements AutoCloseable {

    /** One write, run inside the shared transaction on the write connection. */
    @FunctionalInterface
    interface Write {
        void run(Connection db) throws SQLException;
    }

    private record Queued(Write write, CompletableFuture<Void> committed) {
    }

    private final Connection db;
    private final PreparedStatement begin;
    private final PreparedStatement commit;
    private final PreparedStatement rollback;
    private final Queue<Queued> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();

    CommandIndexWrites(Connection db) throws SQLException {
        this.db = db;
        this.begin = db.prepareStatement("BEGIN IMMEDIATE");
        this.commit = db.prepareStatement("COMMIT");
        this.rollback = db.prepareStatement("ROLLBACK");
    }

    void write(Write write) {
        Queued queued = new Queued(write, new CompletableFuture<>());
        queue.add(queued);
        lock.lock();
        try {
            if (!queued.committed().isDone()) {
                commitQueued();
            }
        } finally {
            lock.unlock();
        }
        try {
            queued.committed().join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    private void commitQueued() {
        List<Queued> batch = new ArrayList<>();
        for (Queued q; (q = queue.poll()) != null; ) {
            batch.add(q);
        }
        try {
            begin.execute();
            for (Queued q : batch) {
                q.write().run(db);
            }
            commit.execute();
        } catch (SQLException | RuntimeException e) {
            try {
                rollback.execute();
            } catch (SQLException ignored) {
                // SQLite may have rolled back already
            }
            EventStoreException failed = new EventStoreException("the command index failed: " + e.getMessage(), e);
            batch.forEach(q -> q.committed().completeExceptionally(failed));
            return;
        }
        batch.forEach(q -> q.committed().complete(null));
    }

    @Override
    public void close() throws SQLException {
        lock.lock();
        try {
            db.close();
        } finally {
            lock.unlock();
        }
    }
}
