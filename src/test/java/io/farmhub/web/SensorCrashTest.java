package io.farmhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.security.ApiKey;
import io.farmhub.web.SensorHub.Reading;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded hub as a child JVM is killed with SIGKILL while it drains one large batch of readings (6,000, the
 * drain a tenth to nine tenths of the way through). Restarted on the same data folder, the drain resumes from its
 * cursor: every reading's command is terminal, each reading has exactly one event on its barn (found by the
 * envelope's correlation id), its command was created once, and no barn's stream has a gap or an event twice.
 *
 * <p>The readings are chosen so that each one records: one barn's readings alternate 10 and 11 °C (1 °C apart, out of
 * the dead band, inside the alert band), a minute apart. A reading lost, run twice, or decided out of order (it would be
 * stale) breaks "exactly one event".
 */
class SensorCrashTest {

    static final String GATE = "crash-gate-key";
    static final String MARY = "crash-mary-key";
    static final int BARNS = 40;
    static final int PER_BARN = 150;
    static final Instant START = Instant.parse("2026-11-21T00:00:00Z");

    @TempDir
    Path dataDir;
    int port;

    @Test
    void every_reading_has_exactly_one_event_after_a_sigkill_mid_drain_and_a_restart() throws Exception {
        List<Reading> readings = new ArrayList<>();
        for (int r = 0; r < PER_BARN; r++) {
            for (int b = 0; b < BARNS; b++) { // subjects interleaved, as a gateway forwards them
                readings.add(Reading.barn("crash-temp-" + b, barn(b), r % 2 == 0 ? "10.0" : "11.0",
                        START.plusSeconds(60L * r)));
            }
        }
        // Every 50th reading: enough to see how far the drain has come without asking for all 6,000.
        List<String> sample = LongStream.range(0, readings.size() / 50)
                .mapToObj(i -> readings.get((int) i * 50).commandId()).toList();

        Process first = start("first");
        try {
            SensorHub hub = awaitUp(first, "first");
            for (int b = 0; b < BARNS; b++) {
                hub.registerBarn(barn(b));
            }
            hub.post(readings);
            Awaitility.await("the drain a tenth of the way").atMost(Duration.ofSeconds(300))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> terminalCount(hub, sample) >= sample.size() / 10);
            assertThat(terminalCount(hub, sample)).as("killed while draining, not after")
                    .isLessThan(sample.size() * 9 / 10);
            first.destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed on the way out
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            first.destroyForcibly();
        }
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        Process second = start("second");
        try {
            SensorHub hub = awaitUp(second, "second");
            Map<String, JsonNode> statuses = hub.awaitAllTerminal(
                    readings.stream().map(Reading::commandId).toList(), Duration.ofSeconds(600));

            Set<String> eventIds = new HashSet<>();
            for (int b = 0; b < BARNS; b++) {
                List<JsonNode> events = hub.events("barn", barn(b));
                assertThat(events).extracting(e -> e.path("version").asLong()).as(barn(b))
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
                events.forEach(e -> assertThat(eventIds.add(e.path("eventId").asText())).as("stored once: %s", e)
                        .isTrue());
                Map<String, Long> byReading = events.stream().map(e -> e.path("correlationId").asText())
                        .filter(id -> id.startsWith("sensor:"))
                        .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
                String sensor = "crash-temp-" + b;
                Set<String> expected = readings.stream().filter(r -> r.sensorId().equals(sensor))
                        .map(Reading::commandId).collect(Collectors.toSet());
                assertThat(byReading.keySet()).as("the readings with an event on %s", barn(b))
                        .containsExactlyInAnyOrderElementsOf(expected);
                assertThat(byReading).as("one event each on %s", barn(b)).allSatisfy((id, n) ->
                        assertThat(n).as(id).isEqualTo(1L));
            }
            for (Reading reading : readings) {
                JsonNode status = statuses.get(reading.commandId());
                assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("COMPLETED");
                assertThat(status.path("events")).as(status.toString()).hasSize(1);
                assertThat(hub.commandEvents(reading.commandType(), reading.commandId()))
                        .filteredOn(e -> e.path("eventType").asText().equals("CommandCreated"))
                        .as("%s ran in its chunk's batch, not also on its own", reading.commandId()).isEmpty();
            }
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
            second.destroyForcibly();
        }
    }

    static String barn(int b) {
        return "crash-shed-" + b;
    }

    static long terminalCount(SensorHub hub, List<String> ids) {
        return ids.stream().filter(id -> SensorHub.terminal(hub.status(id))).count();
    }

    Process start(String name) throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), io.farmhub.FarmHubApplication.class.getName(),
                "--server.port=" + port, "--farmhub.data-dir=" + dataDir,
                "--farmhub.security.users.mary.api-key-sha256=" + ApiKey.sha256Hex(MARY),
                "--farmhub.security.users.mary.roles=farm-manager",
                "--farmhub.security.users.gate-7.api-key-sha256=" + ApiKey.sha256Hex(GATE),
                "--farmhub.security.users.gate-7.roles=sensor-gateway", "--logging.level.root=WARN",
                // Chunks of 10: the 6,000 readings are 600 batches, so the kill lands between and within batches
                // (a whole chunk of 1,000 drains faster than the test can look).
                "--farmhub.sensors.journal.chunk-readings=10")
                .redirectOutput(dataDir.resolve(name + ".out").toFile())
                .redirectError(dataDir.resolve(name + ".err").toFile())
                .start();
    }

    SensorHub awaitUp(Process child, String name) {
        HubClient http = new HubClient(port);
        Awaitility.await(name + " hub up").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().untilAsserted(() -> {
                    assertThat(child.isAlive()).as("hub alive; its log: %s",
                            Files.readString(dataDir.resolve(name + ".out"))).isTrue();
                    assertThat(http.get("/actuator/health", null).statusCode()).isEqualTo(200);
                });
        return new SensorHub(http, GATE, MARY);
    }
}
