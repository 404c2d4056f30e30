package io.farmhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import io.farmhub.intake.SensorBacklog;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code POST /api/sensors/readings} over real HTTP, as a sensor gateway sends it, and the drain behind it. */
class SensorApiTest extends ApiTestBase {

    @Autowired
    SensorBacklog backlog;

    @Test
    void the_example_ndjson_is_accepted_and_each_reading_becomes_its_command() throws Exception {
        HttpResponse<String> response = postReadings(GATE, "application/x-ndjson",
                Files.readString(Path.of("examples/sensors/readings.ndjson")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode answer = HubClient.json(response);
        assertThat(answer.path("accepted").asInt()).isEqualTo(5);
        assertThat(answer.path("rejected")).isEmpty();
        for (String id : List.of("sensor:parlour-3:2026-11-26T05:48:00Z", "sensor:parlour-3:2026-11-26T05:55:00Z",
                "sensor:shed-temp-1:2026-11-26T06:15:00Z", "sensor:mf-hours:2026-11-26T17:30:00Z")) {
            // This hub has no such cows, barn or tractor: the commands end INVALID for that, and only for that.
            JsonNode ended = awaitTerminal(id);
            assertThat(ended.path("state").asText()).as(id).isIn("COMPLETED", "INVALID");
            assertThat(ended.path("errors").findValuesAsText("code")).as(id)
                    .doesNotContain("CONFLICT", "MALFORMED", "FORBIDDEN");
        }
        JsonNode status = awaitTerminal("sensor:shed-temp-1:2026-11-26T06:00:00Z");
        assertThat(status.path("commandType").asText()).isEqualTo("RecordBarnTemperature");
        assertThat(status.path("submittedBy").asText()).isEqualTo("gate-7");
        assertThat(status.path("source").path("sensorId").asText()).isEqualTo("shed-temp-1");
    }

    @Test
    void a_bad_reading_is_rejected_at_its_index_and_the_rest_are_accepted() {
        HttpResponse<String> response = postReadings(GATE, "application/json", "["
                + reading("api-collar-1", "milk-yield", "IE12345670012", "12.4", "L", "2026-11-26T06:12:00Z") + ","
                + reading("api-collar-1", "milk-yield", "IE12345670012", "12.4", "gallons", "2026-11-26T06:13:00Z")
                + "," + reading("api-collar-1", "milk-yield", "IE12345670012", "12.9", "L", "2026-11-26T06:14:00Z")
                + "]");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode answer = HubClient.json(response);
        assertThat(answer.path("accepted").asInt()).isEqualTo(2);
        assertThat(answer.path("rejected")).hasSize(1);
        assertThat(answer.path("rejected").get(0).path("index").asInt()).isEqualTo(1);
        assertThat(answer.path("rejected").get(0).path("code").asText()).isEqualTo("MALFORMED");
        assertThat(answer.path("rejected").get(0).path("message").asText()).contains("unit");
    }

    @Test
    void a_replayed_batch_changes_nothing_and_a_different_value_for_the_same_instant_is_a_conflict() {
        String barn = HubClient.command("RegisterBarn", "sensor-api-barn",
                "{\"barnCode\": \"sensor-shed\", \"name\": \"Sensor Shed\", \"capacity\": 10}");
        assertThat(hub.post("/api/commands", MARY, barn).statusCode()).isIn(200, 202);
        assertThat(awaitTerminal("sensor-api-barn").path("state").asText()).isEqualTo("COMPLETED");
        String batch = "[" + reading("shed-temp-7", "barn-temperature", "sensor-shed", "12.0", "°C",
                "2026-11-26T09:00:00Z") + "]";

        assertThat(postReadings(GATE, "application/json", batch).statusCode()).isEqualTo(202);
        JsonNode first = awaitTerminal("sensor:shed-temp-7:2026-11-26T09:00:00Z");
        assertThat(first.path("state").asText()).isEqualTo("COMPLETED");
        long version = HubClient.json(hub.get("/api/streams/barn/sensor-shed", MARY)).path("version").asLong();

        HttpResponse<String> replay = postReadings(GATE, "application/json", batch);
        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(HubClient.json(replay).path("accepted").asInt()).isEqualTo(1);
        awaitDrained();
        assertThat(HubClient.json(hub.get("/api/commands/sensor:shed-temp-7:2026-11-26T09:00:00Z", MARY)))
                .isEqualTo(first);
        assertThat(HubClient.json(hub.get("/api/streams/barn/sensor-shed", MARY)).path("version").asLong())
                .isEqualTo(version);

        // Another value for the same instant is accepted for processing (202); the drain finds the conflict and
        // records it in command-errors, and the command stays as it was.
        HttpResponse<String> changed = postReadings(GATE, "application/json", "[" + reading("shed-temp-7",
                "barn-temperature", "sensor-shed", "25.0", "°C", "2026-11-26T09:00:00Z") + "]");
        assertThat(changed.statusCode()).isEqualTo(202);
        assertThat(HubClient.json(changed).path("accepted").asInt()).isEqualTo(1);
        assertThat(HubClient.json(changed).path("rejected")).isEmpty();
        Awaitility.await("the conflict in command-errors").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(HubClient.json(hub.get("/api/errors?limit=100", MARY)).path("errors")).anySatisfy(e -> {
                    assertThat(e.path("code").asText()).isEqualTo("CONFLICT");
                    assertThat(e.path("commandId").asText()).isEqualTo("sensor:shed-temp-7:2026-11-26T09:00:00Z");
                    assertThat(e.path("commandType").asText()).isEqualTo("RecordBarnTemperature");
                    assertThat(e.path("submittedBy").asText()).isEqualTo("gate-7");
                    assertThat(e.path("source").path("sensorId").asText()).isEqualTo("shed-temp-7");
                    assertThat(e.path("message").asText()).contains("25", "one value per instant");
                }));
        awaitDrained();
        assertThat(HubClient.json(hub.get("/api/commands/sensor:shed-temp-7:2026-11-26T09:00:00Z", MARY)))
                .isEqualTo(first);
        assertThat(HubClient.json(hub.get("/api/streams/barn/sensor-shed", MARY)).path("version").asLong())
                .isEqualTo(version);
    }

    private void awaitDrained() {
        Awaitility.await("the sensor journal drained").atMost(Duration.ofSeconds(60))
                .until(() -> backlog.readings() == 0);
    }

    @Test
    void only_sensor_gateways_and_farm_managers_may_send_readings() {
        String one = reading("api-collar-2", "milk-yield", "IE12345670012", "12.4", "L", "2026-11-26T06:12:00Z");

        assertProblem(postReadings(HANK, "application/json", "[" + one + "]"), 403, "FORBIDDEN");
        assertThat(HubClient.json(hub.get("/api/errors?limit=100", MARY)).path("errors")).anySatisfy(error -> {
            assertThat(error.path("code").asText()).isEqualTo("FORBIDDEN");
            assertThat(error.path("submittedBy").asText()).isEqualTo("hank");
        });
        assertProblem(postReadings(null, "application/json", "[" + one + "]"), 401, "UNAUTHORIZED");
        assertThat(postReadings(MARY, "application/json", "[" + one + "]").statusCode()).isEqualTo(202);
    }

    @Test
    void a_body_that_is_not_readings_or_holds_too_many_is_refused_whole() {
        assertProblem(postReadings(GATE, "application/json", ""), 400, "MALFORMED");
        assertProblem(postReadings(GATE, "application/json", "[{\"sensorId\": \"x\""), 400, "MALFORMED");

        String one = reading("bulk-1", "engine-hours", "MF7S165A004521", "1.0", "h", "2026-11-26T06:12:00Z");
        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(10_001, one)) + "]";
        assertProblem(postReadings(GATE, "application/json", tooMany), 413, "TOO_LARGE");

        String oversize = "[" + one + "," + " ".repeat(8 * 1024 * 1024) + one + "]";
        assertProblem(postReadings(GATE, "application/json", oversize), 413, "TOO_LARGE");
        assertHealthy();
    }

    private HttpResponse<String> postReadings(String key, String contentType, String body) {
        return hub.send(hub.request("/api/sensors/readings", key).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8)).build());
    }

    private static String reading(String sensor, String kind, String subject, String value, String unit, String at) {
        return "{\"sensorId\":\"" + sensor + "\",\"kind\":\"" + kind + "\",\"subject\":\"" + subject
                + "\",\"value\":" + value + ",\"unit\":\"" + unit + "\",\"at\":\"" + at + "\"}";
    }
}
