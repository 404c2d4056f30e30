package io.farmhub.eventstore.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.Json;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What deleting a stream leaves in the SQLite file: no row of it, and the clock still at the newest recordedAt the
 * deletion took away (otherwise a writer opened afterwards could stamp events before ones already handed out).
 */
class SqliteDeleteTest {

    @TempDir
    Path dir;

    @Test
    void deleting_the_newest_events_leaves_no_row_and_keeps_the_clock() throws Exception {
        Path file = dir.resolve("farmhub.db");
        StreamId stream = StreamId.of("sensor", "journal", "1");
        long newest;
        try (SqliteEventStore store = new SqliteEventStore(file)) {
            store.append(StreamId.of("sensor", "journal", "2"), 0, List.of(event()));
            AppendResult.Appended appended = (AppendResult.Appended) store.append(stream, 0, List.of(event(), event()));
            newest = appended.events().get(1).recordedAt().toEpochMilli();
            assertThat(store.delete(stream)).isTrue();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT count(*) FROM streams WHERE stream = 'sensor/journal/1'")).isZero();
            assertThat(single(s, "SELECT count(*) FROM events")).isEqualTo(1);
            assertThat(single(s, "SELECT recorded_at FROM clock WHERE id = 1")).isGreaterThanOrEqualTo(newest);
        }
        try (SqliteEventStore reopened = new SqliteEventStore(file)) {
            assertThat(reopened.version(stream)).isZero();
            EventEnvelope next = ((AppendResult.Appended) reopened.append(stream, 0, List.of(event()))).events().get(0);
            assertThat(next.recordedAt().toEpochMilli()).isGreaterThanOrEqualTo(newest);
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static NewEvent event() {
        return new NewEvent(UUID.randomUUID().toString(), "SensorReadingsJournaled", 1, "2026-11-01T06:00:00Z", null,
                null, "gateway", "api:gateway", null, Json.MAPPER.createObjectNode().put("through", 1));
    }
}
