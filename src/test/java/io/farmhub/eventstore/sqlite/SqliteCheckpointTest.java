package io.farmhub.eventstore.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.farmhub.core.Json;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints run beside the writer, yet the WAL still starts over from its beginning while appends never stop:
 * without that it would grow for as long as the hub is busy. SQLite counts each start-over in the WAL header's
 * checkpoint sequence number (bytes 12 to 15).
 */
class SqliteCheckpointTest {

    @TempDir
    Path dir;

    @Test
    void the_wal_starts_over_while_a_writer_appends_without_a_pause() throws Exception {
        Path file = dir.resolve("farmhub.db");
        AtomicBoolean appending = new AtomicBoolean(true);
        AtomicLong appended = new AtomicLong();
        try (SqliteEventStore store = new SqliteEventStore(file)) {
            Thread writer = new Thread(() -> {
                StreamId stream = StreamId.farm("cow", "IE12345670012");
                while (appending.get()) {
                    store.append(stream, EventStore.ANY, List.of(new NewEvent(UUID.randomUUID().toString(),
                            "Milked", 1, "2026-11-20", "c", "c", "mary", "api:mary", null,
                            Json.MAPPER.createObjectNode().put("litres", 12.5))));
                    appended.incrementAndGet();
                }
            });
            writer.start();
            try {
                Path wal = dir.resolve("farmhub.db-wal");
                await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(wal) && appended.get() > 0);
                int first = checkpointSequence(wal);
                await().atMost(Duration.ofSeconds(30)).until(() -> checkpointSequence(wal) >= first + 2);
            } finally {
                appending.set(false);
                writer.join();
            }
        }
        assertThat(appended.get()).isPositive();
    }

    private static int checkpointSequence(Path wal) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(wal.toFile(), "r")) {
            f.seek(12);
            return f.readInt();
        }
    }
}
