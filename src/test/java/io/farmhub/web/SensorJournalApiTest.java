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
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sensor journal behind {@code POST /api/sensors/readings}, on a hub whose drain starts stopped and whose backlog
 * bound is 5 readings: a batch is answered 202 once journaled (in chunks of 2, streams of 2 chunks), before any command
 * exists; the next batch finds the backlog at its bound and is answered 503 with Retry-After, nothing kept; once the
 * drain runs, every journaled reading's command completes and the journal takes readings again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SensorJournalApiTest {

    static final String MARY = "journal-mary-key";
    static final String GATE = "journal-gate-key";
    static final String DATA_DIR = "target/test-data/sensor-journal-" + System.nanoTime();

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        registry.add("farmhub.data-dir", () -> DATA_DIR);
        registry.add("farmhub.security.users.mary.api-key-sha256", () -> ApiKey.sha256Hex(MARY));
        registry.add("farmhub.security.users.mary.roles", () -> "farm-manager");
        registry.add("farmhub.security.users.gate-7.api-key-sha256", () -> ApiKey.sha256Hex(GATE));
        registry.add("farmhub.security.users.gate-7.roles", () -> "sensor-gateway");
        registry.add("farmhub.sensors.backlog.max-readings", () -> "5");
        registry.add("farmhub.sensors.backlog.retry-after-seconds", () -> "7");
        registry.add("farmhub.sensors.journal.chunk-readings", () -> "2");
        registry.add("farmhub.sensors.journal.chunks-per-stream", () -> "2");
        registry.add("farmhub.sensors.drain.enabled", () -> "false");
    }

    @LocalServerPort
    int port;
    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    EventStore store;
    @Autowired
    SensorBacklog backlog;
    @Autowired
    HealthIndicator sensorsHealthIndicator;

    @Test
    void readings_are_journaled_before_the_202_refused_503_at_the_bound_and_drained_into_completed_commands()
            throws Exception {
        HubClient hub = new HubClient(port);
        assertThat(hub.post("/api/commands", MARY, HubClient.command("RegisterBarn", "journal-barn",
                "{\"barnCode\": \"journal-shed\", \"name\": \"Journal Shed\", \"capacity\": 10}")).statusCode())
                .isEqualTo(202);
        Awaitility.await("the barn registered").atMost(Duration.ofSeconds(60)).until(() -> HubClient.json(
                hub.get("/api/commands/journal-barn", MARY)).path("state").asText().equals("COMPLETED"));
        List<String> ids = new ArrayList<>();
        StringBuilder first = new StringBuilder("[");
        for (int i = 0; i < 5; i++) { // a quarter of an hour apart: every one is recorded
            Instant at = Instant.parse("2026-11-26T08:00:00Z").plusSeconds(900L * i);
            first.append(i == 0 ? "" : ",").append(reading("journal-temp-1", 10 + i, at));
            ids.add("sensor:journal-temp-1:" + at);
        }
        String bad = reading("journal-temp-1", 10, Instant.parse("2026-11-26T07:00:00Z")).replace("°C", "K");
        HttpResponse<String> accepted = post(first.append(",").append(bad).append("]").toString());

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(HubClient.json(accepted).path("accepted").asInt()).isEqualTo(5);
        assertThat(HubClient.json(accepted).path("rejected").get(0).path("index").asInt()).isEqualTo(5);
        assertThat(HubClient.json(accepted).path("rejected").get(0).path("code").asText()).isEqualTo("MALFORMED");
        // Kept durably in the journal (3 chunks: 2 + 2 in sensor/journal/1, 1 in sensor/journal/2); no command yet.
        assertThat(store.version(StreamId.of("sensor", "journal", "1"))).isEqualTo(2);
        assertThat(store.version(StreamId.of("sensor", "journal", "2"))).isEqualTo(1);
        assertThat(store.read(StreamId.of("sensor", "journal", "2")).get(0).who()).isEqualTo("gate-7");
        assertThat(store.read(StreamId.of("sensor", "journal", "2")).get(0).source()).isEqualTo("api:gate-7");
        assertThat(hub.get("/api/commands/" + ids.get(0), MARY).statusCode()).isEqualTo(404);
        assertThat(backlog.readings()).isEqualTo(5);
        assertThat(sensorsHealthIndicator.health().getDetails()).containsEntry("journaled", 5L)
                .containsEntry("drained", 0L).containsEntry("backlog", 5L);

        String more = "[" + reading("journal-temp-2", 20, Instant.parse("2026-11-26T08:00:00Z")) + "]";
        HttpResponse<String> refused = post(more);
        ApiTestBase.assertProblem(refused, 503, "UNAVAILABLE");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(backlog.journaled()).isEqualTo(5);

        camel.getRouteController().startRoute("sensor-drain");
        producer.sendBody("{{farmhub.routes.sensor-drain}}", "wake");
        for (String id : ids) {
            JsonNode[] status = new JsonNode[1];
            Awaitility.await(id).atMost(Duration.ofSeconds(90)).until(() -> {
                status[0] = HubClient.json(hub.get("/api/commands/" + id, MARY));
                return List.of("COMPLETED", "INVALID", "FAILED").contains(status[0].path("state").asText());
            });
            assertThat(status[0].path("state").asText()).as("%s", status[0]).isEqualTo("COMPLETED");
        }
        Awaitility.await("drained").atMost(Duration.ofSeconds(60)).until(() -> backlog.readings() == 0);
        assertThat(store.version(StreamId.of("sensor", "drained", "1"))).isEqualTo(2);
        assertThat(store.version(StreamId.of("sensor", "drained", "2"))).isEqualTo(1);
        assertThat(sensorsHealthIndicator.health().getDetails()).containsEntry("drained", 5L)
                .containsEntry("backlog", 0L);
        JsonNode barn = HubClient.json(hub.get("/api/streams/barn/journal-shed", MARY));
        // Readings of one barn run concurrently, so which are recorded (not within 0.5 °C of the last) may vary; none
        // is recorded twice.
        assertThat(barn.path("events").findValuesAsText("correlationId")).filteredOn(ids::contains)
                .isNotEmpty().doesNotHaveDuplicates();

        assertThat(post(more).statusCode()).isEqualTo(202);
    }

    private HttpResponse<String> post(String body) {
        HubClient hub = new HubClient(port);
        return hub.send(hub.request("/api/sensors/readings", GATE).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private static String reading(String sensor, double celsius, Instant at) {
        return "{\"sensorId\":\"" + sensor + "\",\"kind\":\"barn-temperature\",\"subject\":\"journal-shed\","
                + "\"value\":" + celsius + ",\"unit\":\"°C\",\"at\":\"" + at + "\"}";
    }
}
