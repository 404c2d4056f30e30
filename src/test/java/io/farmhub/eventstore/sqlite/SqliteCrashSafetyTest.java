package io.farmhub.eventstore.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.StreamVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls the plug: a child JVM appends in a loop and is killed with SIGKILL mid-flight. Every batch it had been told
 * was stored must be there after reopening, whole; no batch may be there in part; versions have no gaps.
 */
class SqliteCrashSafetyTest {

    private static final Pattern ACK = Pattern.compile("ACK (\\S+) (\\d+) (\\d+) (\\S+) END");

    @TempDir
    Path dir;

    @Test
    void every_acknowledged_batch_survives_a_kill_and_none_is_half_there() throws Exception {
        Path db = dir.resolve("farmhub.db");
        Path stderr = dir.resolve("child.err");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SqliteAppendLoop.class.getName(), db.toString())
                .redirectError(stderr.toFile())
                .start();
        List<String> acks = new CopyOnWriteArrayList<>();
        Thread collector = new Thread(() -> collect(child, acks), "child-stdout");
        collector.start();
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
                assertThat(child.isAlive()).as("child alive; its stderr: %s", Files.readString(stderr)).isTrue();
                assertThat(acks).hasSizeGreaterThanOrEqualTo(400);
            });
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no last commit
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            collector.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        try (SqliteEventStore reopened = new SqliteEventStore(db)) {
            int acknowledged = 0;
            for (String line : acks) {
                Matcher ack = ACK.matcher(line);
                if (!ack.matches()) {
                    continue; // the line being printed when the child died
                }
                acknowledged++;
                StreamId stream = StreamId.parse(ack.group(1));
                long first = Long.parseLong(ack.group(2));
                long last = Long.parseLong(ack.group(3));
                List<EventEnvelope> stored = reopened.read(stream, first).stream()
                        .filter(e -> e.version() <= last).toList();
                assertThat(stored).as(line).extracting(EventEnvelope::correlationId)
                        .containsExactly(ack.group(4), ack.group(4), ack.group(4));
            }
            assertThat(acknowledged).isGreaterThanOrEqualTo(400);

            List<StreamVersion> streams = reopened.list("farm", "cow");
            assertThat(streams).isNotEmpty();
            long total = 0;
            for (StreamVersion sv : streams) {
                List<EventEnvelope> events = reopened.read(sv.stream());
                assertThat(events).extracting(EventEnvelope::version)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, sv.version()).boxed().toList());
                Map<String, List<Long>> batches = events.stream().collect(Collectors.groupingBy(
                        EventEnvelope::correlationId, Collectors.mapping(EventEnvelope::version, Collectors.toList())));
                assertThat(batches).allSatisfy((batch, versions) -> {
                    assertThat(versions).as("batch %s is whole and contiguous", batch)
                            .hasSize(SqliteAppendLoop.BATCH);
                    assertThat(versions.get(versions.size() - 1) - versions.get(0))
                            .isEqualTo(SqliteAppendLoop.BATCH - 1L);
                });
                total += events.size();
            }
            assertThat(total).isGreaterThanOrEqualTo((long) acknowledged * SqliteAppendLoop.BATCH);
        }
    }

    private static void collect(Process child, List<String> acks) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                acks.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
