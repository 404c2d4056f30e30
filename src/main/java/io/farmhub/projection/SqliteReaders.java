package io.farmhub.projection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.sqlite.SQLiteConfig;

/**
 * A few read connections on the projection cache: in WAL mode each sees the last commit and never waits for
 * the writer, so serving a state (HTTP, queries) does not queue behind the runner's writes.
 */
final class SqliteReaders implements AutoCloseable {

    @FunctionalInterface
    interface Read<T> {
        T apply(Connection c) throws SQLException;
    }

    private final Path file;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();

    SqliteReaders(Path file, int size) {
        this.file = file;
        this.idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            Connection c = open(file, true);
            all.add(c);
            idle.add(c);
        }
    }

    <T> T with(Read<T> read) {
        Connection c;
        try {
            c = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProjectionStoreException("interrupted while waiting to read " + file, e);
        }
        try {
            return read.apply(c);
        } catch (SQLException e) {
            throw new ProjectionStoreException("cannot read " + file + ": " + e.getMessage(), e);
        } finally {
            idle.add(c);
        }
    }

    static Connection open(Path file, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(30_000);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        try {
            Connection c = config.createConnection("jdbc:sqlite:" + file);
            if (readOnly) {
                try (var s = c.createStatement()) {
                    s.execute("PRAGMA query_only = true");
                }
            }
            return c;
        } catch (SQLException e) {
            throw new ProjectionStoreException("cannot open the projection cache " + file + ": " + e.getMessage(), e);
        }
    }

    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // shutting down
        }
    }

    @Override
    public void close() {
        all.forEach(SqliteReaders::closeQuietly);
    }
}
