package io.farmhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import io.farmhub.intake.SensorBacklog;
import io.farmhub.security.ApiKey;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bounded storage on a whole hub: readings posted to {@code POST /api/sensors/readings} are journaled (chunks of 2,
 * streams of 2 chunks), drained into commands, and with a retention of 1 ms the route {@code sensor-journal-retention}
 * (every 200 ms) deletes the drained journal streams but the last. The readings' commands still answer on
 * {@code GET /api/commands/sensor:<id>:<at>}, and the journal takes and drains readings after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SensorJournalRetentionApiTest {

    static final String MARY = "retention-mary-key";
    static final String GATE = "retention-gate-key";
    static final String DATA_DIR = "target/test-data/sensor-retention-" + System.nanoTime();

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        registry.add("farmhub.data-dir", () -> DATA_DIR);
        registry.add("farmhub.security.users.mary.api-key-sha256", () -> ApiKey.sha256Hex(MARY));
        registry.add("farmhub.security.users.mary.roles", () -> "farm-manager");
        registry.add("farmhub.security.users.gate-8.api-key-sha256", () -> ApiKey.sha256Hex(GATE));
        registry.add("farmhub.security.users.gate-8.roles", () -> "sensor-gateway");
        registry.add("farmhub.sensors.journal.chunk-readings", () -> "2");
        registry.add("farmhub.sensors.journal.chunks-per-stream", () -> "2");
        registry.add("farmhub.sensors.journal.retention", () -> "1ms");
        registry.add("farmhub.sensors.journal.retention-period", () -> "200");
        registry.add("farmhub.routes.sensor-journal-retention",
                () -> "timer:sensor-journal-retention?delay=200&period=200");
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore store;
    @Autowired
    SensorBacklog backlog;

    @Test
    void drained_journal_streams_are_deleted_and_the_readings_commands_still_answer() {
        HubClient hub = new HubClient(port);
        assertThat(hub.post("/api/commands", MARY, HubClient.command("RegisterBarn", "retention-barn",
                "{\"barnCode\": \"retention-shed\", \"name\": \"Retention Shed\", \"capacity\": 10}")).statusCode())
                .isEqualTo(202);
        awaitCompleted(hub, "retention-barn");
        List<String> ids = new ArrayList<>();
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 10; i++) { // a quarter of an hour apart: every one is recorded
            Instant at = Instant.parse("2026-11-26T08:00:00Z").plusSeconds(900L * i);
            body.append(i == 0 ? "" : ",").append(reading(10 + i, at));
            ids.add("sensor:retention-temp:" + at);
        }
        HttpResponse<String> accepted = post(body.append("]").toString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        ids.forEach(id -> awaitCompleted(hub, id));
        Awaitility.await("drained").atMost(Duration.ofSeconds(60)).until(() -> backlog.readings() == 0);

        // 5 chunks: sensor/journal/1 and /2 full, /3 the tail. Drained and past the retention: 1 and 2 go.
        Awaitility.await("the drained journal streams deleted").atMost(Duration.ofSeconds(30)).until(() ->
                store.version(journal(1)) == 0 && store.version(journal(2)) == 0);
        assertThat(store.version(journal(3))).as("the journal's last stream stays").isEqualTo(1);
        assertThat(store.list("sensor", "journal")).extracting(v -> v.stream().key()).containsExactly("3");
        for (String id : ids) {
            JsonNode status = HubClient.json(hub.get("/api/commands/" + id, MARY));
            assertThat(status.path("state").asText()).as("%s", status).isEqualTo("COMPLETED");
        }

        String late = "sensor:retention-temp:" + Instant.parse("2026-11-27T08:00:00Z");
        assertThat(post("[" + reading(30, Instant.parse("2026-11-27T08:00:00Z")) + "]").statusCode())
                .isEqualTo(202);
        awaitCompleted(hub, late);
        assertThat(backlog.journaled()).isEqualTo(11);
        Awaitility.await("drained again").atMost(Duration.ofSeconds(60)).until(() -> backlog.readings() == 0);
    }

    private static StreamId journal(long n) {
        return StreamId.of("sensor", "journal", Long.toString(n));
    }

    private static void awaitCompleted(HubClient hub, String id) {
        JsonNode[] status = new JsonNode[1];
        Awaitility.await(id).atMost(Duration.ofSeconds(90)).until(() -> {
            status[0] = HubClient.json(hub.get("/api/commands/" + id, MARY));
            return List.of("COMPLETED", "INVALID", "FAILED").contains(status[0].path("state").asText());
        });
        assertThat(status[0].path("state").asText()).as("%s", status[0]).isEqualTo("COMPLETED");
    }

    private HttpResponse<String> post(String body) {
        HubClient hub = new HubClient(port);
        return hub.send(hub.request("/api/sensors/readings", GATE).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private static String reading(double celsius, Instant at) {
        return "{\"sensorId\":\"retention-temp\",\"kind\":\"barn-temperature\",\"subject\":\"retention-shed\","
                + "\"value\":" + celsius + ",\"unit\":\"°C\",\"at\":\"" + at + "\"}";
    }
}
