package io.farmhub.eventstore.sqlite;

import io.farmhub.eventstore.EventStoreException;
import java.sql.SQLException;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The readers' connections: borrowed for one query, handed back after. A reader never waits: with no idle
 * connection it opens another one, and only {@link #KEEP_IDLE} are kept for later.
 */
final class ReadConnections implements AutoCloseable {

    /** Reader connections kept open between queries; more may be open during a burst. */
    static final int KEEP_IDLE = 8;

    @FunctionalInterface
    interface Query<T> {
        T run(ReadConnection c) throws SQLException;
    }

    private final SqliteDatabase db;
    private final Deque<ReadConnection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    ReadConnections(SqliteDatabase db) {
        this.db = db;
    }

    <T> T with(String what, Query<T> query) {
        if (closed) {
            throw new EventStoreException("the event store " + db.file() + " is closed");
        }
        ReadConnection c = borrow();
        boolean healthy = false;
        try {
            T result = query.run(c);
            healthy = true;
            return result;
        } catch (SQLException e) {
            throw new EventStoreException("could not " + what + " in " + db.file() + ": " + e.getMessage(), e);
        } finally {
            if (healthy && !closed && idle.size() < KEEP_IDLE) {
                idle.push(c);
                if (closed && idle.remove(c)) {
                    c.close();
                }
            } else {
                c.close();
            }
        }
    }

    private ReadConnection borrow() {
        ReadConnection c = idle.poll();
        if (c != null) {
            return c;
        }
        java.sql.Connection connection = db.openReader();
        try {
            return new ReadConnection(connection);
        } catch (SQLException e) {
            SqliteDatabase.close(connection);
            throw new EventStoreException("cannot prepare the event store queries on " + db.file() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (ReadConnection c; (c = idle.poll()) != null; ) {
            c.close();
        }
    }
}
