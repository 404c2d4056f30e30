package io.farmhub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * What the sensor journal ({@code sensor/journal/<n>} streams) takes on disk in the embedded event store's
 * {@code farmhub.db}, read beside the running hub on a read-only connection of its own.
 *
 * <p>The journal shares the file with every other stream, and the drain writes the readings' commands and events
 * there too, so the file's size alone does not say what the journal takes. Its rows do: a chunk is one
 * {@code events} row of some 30 KB (250 readings), nearly all of it overflow pages, which hold nothing else.
 * {@link #journalBytes} is the pages the journal's rows fill, laid out as SQLite lays out a table row (the part kept
 * on the leaf page, then whole overflow pages), from each row's column lengths: exact to the few bytes of each row's
 * record header. Deleted rows' pages go to the freelist and are used again; {@link #fileBytes} is the file and its
 * WAL as they stand, for the figure that compares whole files with and without retention.
 */
record JournalSize(long journalRows, long journalBytes, long fileBytes, long freeBytes) {

    /** The journal's rows, their lengths: every column but the integer ones, which take a few bytes each. */
    private static final String ROWS = """
            SELECT octet_length(e.data) + octet_length(e.event_id) + octet_length(e.event_type)
                 + octet_length(e.occurred_at) + octet_length(e.occurred_on) + coalesce(octet_length(e.who), 0)
                 + coalesce(octet_length(e.source), 0) + coalesce(octet_length(e.correlation_id), 0)
                 + coalesce(octet_length(e.causation_id), 0) + coalesce(octet_length(e.commentary), 0)
            FROM streams s JOIN events e ON e.stream_id = s.id
            WHERE s.domain = 'sensor' AND s.aggregate = 'journal'""";
    /** A record header (a byte or two per column) and the four integer columns. */
    private static final int ROW_OVERHEAD = 40;

    static JournalSize of(Path db) throws SQLException, java.io.IOException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(30_000);
        try (Connection c = config.createConnection("jdbc:sqlite:" + db.toAbsolutePath());
                Statement s = c.createStatement()) {
            long pageSize = single(s, "PRAGMA page_size");
            long free = single(s, "PRAGMA freelist_count") * pageSize;
            long rows = 0;
            long bytes = 0;
            try (ResultSet r = s.executeQuery(ROWS)) {
                while (r.next()) {
                    rows++;
                    bytes += rowBytes(r.getLong(1) + ROW_OVERHEAD, pageSize);
                }
            }
            Path wal = db.resolveSibling(db.getFileName() + "-wal");
            long file = Files.size(db) + (Files.exists(wal) ? Files.size(wal) : 0);
            return new JournalSize(rows, bytes, file, free);
        }
    }

    /**
     * The bytes a table row of {@code payload} bytes fills (SQLite's file format, "B-tree cell payload overflow"):
     * its local part and cell on the leaf page, and its overflow pages whole.
     */
    static long rowBytes(long payload, long pageSize) {
        long usable = pageSize; // FarmHub's files reserve no bytes per page
        long maxLocal = usable - 35;
        long cell = 2 + 9 + 9; // the cell pointer, the payload size and the rowid (at most 9 bytes each)
        if (payload <= maxLocal) {
            return cell + payload;
        }
        long minLocal = (usable - 12) * 32 / 255 - 23;
        long k = minLocal + (payload - minLocal) % (usable - 4);
        long local = k <= maxLocal ? k : minLocal;
        long overflowPages = (payload - local + usable - 5) / (usable - 4);
        return cell + local + 4 + overflowPages * pageSize;
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
