package io.farmhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.commands.CommandIndex;
import io.farmhub.core.Json;
import io.farmhub.core.StreamId;
import io.farmhub.intake.SensorBacklog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reading's value is kept as sent ({@code 25.0} stays {@code 25.0}, not {@code 25}) through the journal into the
 * command's stored payload and its event; the same reading sent again as {@code 25} is numerically the same value,
 * so it is the same command (no CONFLICT), while {@code 25.5} is another value.
 */
class SensorDecimalApiTest extends ApiTestBase {

    static final String ID = "sensor:decimal-temp-1:2026-11-26T10:00:00Z";

    @Autowired
    SensorBacklog backlog;

    @Autowired
    CommandIndex commandIndex;

    @Test
    void a_decimal_is_kept_as_sent_and_the_same_number_written_otherwise_is_the_same_reading() {
        String barn = HubClient.command("RegisterBarn", "decimal-api-barn",
                "{\"barnCode\": \"decimal-shed\", \"name\": \"Decimal Shed\", \"capacity\": 10}");
        assertThat(hub.post("/api/commands", MARY, barn).statusCode()).isIn(200, 202);
        assertThat(awaitTerminal("decimal-api-barn").path("state").asText()).isEqualTo("COMPLETED");

        assertThat(post("25.0").statusCode()).isEqualTo(202);
        JsonNode status = awaitTerminal(ID);
        assertThat(status.path("state").asText()).as("%s", status).isEqualTo("COMPLETED");

        // Where the reading's command lives (its drain batch's record, which holds each payload as submitted).
        StreamId where = commandIndex.find(ID).orElseThrow().stream();
        JsonNode command = exact(hub.get("/api/streams/" + where, MARY));
        assertThat(command.path("events").get(0).path("data").findValue("celsius"))
                .as("%s", command).isNotNull().hasToString("25.0");
        JsonNode recorded = recorded(exact(hub.get("/api/streams/barn/decimal-shed", MARY)));
        assertThat(recorded.path("data").path("celsius")).hasToString("25.0");
        long version = exact(hub.get("/api/streams/barn/decimal-shed", MARY)).path("version").asLong();

        // Numerically equal: the same reading, so nothing changes and no CONFLICT is recorded.
        assertThat(post("25").statusCode()).isEqualTo(202);
        assertThat(post("25.000").statusCode()).isEqualTo(202);
        awaitDrained();
        assertThat(HubClient.json(hub.get("/api/commands/" + ID, MARY))).isEqualTo(status);
        assertThat(exact(hub.get("/api/streams/barn/decimal-shed", MARY)).path("version").asLong()).isEqualTo(version);
        assertThat(HubClient.json(hub.get("/api/errors?limit=100", MARY)).path("errors"))
                .noneSatisfy(e -> assertThat(e.path("commandId").asText()).isEqualTo(ID));

        // Another value for the instant is a CONFLICT, which shows the two above were really compared.
        assertThat(post("25.5").statusCode()).isEqualTo(202);
        Awaitility.await("the conflict in command-errors").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(HubClient.json(hub.get("/api/errors?limit=100", MARY)).path("errors")).anySatisfy(e -> {
                    assertThat(e.path("code").asText()).isEqualTo("CONFLICT");
                    assertThat(e.path("commandId").asText()).isEqualTo(ID);
                }));
    }

    private static JsonNode recorded(JsonNode stream) {
        for (JsonNode event : stream.path("events")) {
            if (ID.equals(event.path("correlationId").asText())
                    && event.path("eventType").asText().contains("Temperature")) {
                return event;
            }
        }
        throw new AssertionError("no temperature event of " + ID + " in " + stream);
    }

    /** Read with the hub's own JSON settings, which keep a decimal's scale (a plain ObjectMapper would too, as a double). */
    private static JsonNode exact(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(response.body(), e);
        }
    }

    private void awaitDrained() {
        Awaitility.await("the sensor journal drained").atMost(Duration.ofSeconds(60))
                .until(() -> backlog.readings() == 0);
    }

    private HttpResponse<String> post(String value) {
        String body = "[{\"sensorId\":\"decimal-temp-1\",\"kind\":\"barn-temperature\",\"subject\":\"decimal-shed\","
                + "\"value\":" + value + ",\"unit\":\"°C\",\"at\":\"2026-11-26T10:00:00Z\"}]";
        return hub.send(hub.request("/api/sensors/readings", GATE).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }
}
