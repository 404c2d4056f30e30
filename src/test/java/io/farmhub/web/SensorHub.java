package io.farmhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * A sensor gateway and a farm manager talking to one hub over real HTTP: posts readings as NDJSON to
 * {@code POST /api/sensors/readings} and waits, with Awaitility, for each reading's command
 * ({@code sensor:<sensorId>:<at>}) to reach a terminal state. The readings' commands are made by the drain after the
 * 202, so a status is 404 until then (docs/intake.md, "202 means kept, not yet processed").
 */
final class SensorHub {

    static final Set<String> TERMINAL = Set.of("COMPLETED", "INVALID", "FAILED");

    final HubClient http;
    private final String gatewayKey;
    private final String managerKey;

    SensorHub(HubClient http, String gatewayKey, String managerKey) {
        this.http = http;
        this.gatewayKey = gatewayKey;
        this.managerKey = managerKey;
    }

    /** One reading as interfaces.md writes it; {@code value} is a JSON number, written as given. */
    record Reading(String sensorId, String kind, String subject, String value, String unit, Instant at) {

        static Reading barn(String sensorId, String barnCode, String celsius, Instant at) {
            return new Reading(sensorId, "barn-temperature", barnCode, celsius, "°C", at);
        }

        static Reading tractor(String sensorId, String chassis, String hours, Instant at) {
            return new Reading(sensorId, "engine-hours", chassis, hours, "h", at);
        }

        static Reading milk(String sensorId, String earTag, String litres, Instant at) {
            return new Reading(sensorId, "milk-yield", earTag, litres, "L", at);
        }

        /** The reading's command id (interfaces.md): {@code sensor:<sensorId>:<at>}, at in UTC. */
        String commandId() {
            return "sensor:" + sensorId + ":" + at;
        }

        String commandType() {
            return switch (kind) {
                case "milk-yield" -> "RecordMilking";
                case "barn-temperature" -> "RecordBarnTemperature";
                case "engine-hours" -> "RecordEngineHours";
                default -> throw new IllegalArgumentException(kind);
            };
        }

        String json() {
            return "{\"sensorId\":\"" + sensorId + "\",\"kind\":\"" + kind + "\",\"subject\":\"" + subject
                    + "\",\"value\":" + value + ",\"unit\":\"" + unit + "\",\"at\":\"" + at + "\"}";
        }
    }

    static String ndjson(Collection<Reading> readings) {
        StringBuilder body = new StringBuilder();
        readings.forEach(r -> body.append(r.json()).append('\n'));
        return body.toString();
    }

    /** Posts the readings as NDJSON with the gateway's key, as a gateway sends them; the raw answer. */
    HttpResponse<String> send(Collection<Reading> readings) {
        return http.send(http.request("/api/sensors/readings", gatewayKey)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson(readings), StandardCharsets.UTF_8)).build());
    }

    /** Posts the readings and expects every one kept: {@code 202 {"accepted": n, "rejected": []}}. */
    JsonNode post(Collection<Reading> readings) {
        HttpResponse<String> response = send(readings);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode answer = HubClient.json(response);
        assertThat(answer.path("accepted").asInt()).as(response.body()).isEqualTo(readings.size());
        assertThat(answer.path("rejected")).as(response.body()).isEmpty();
        return answer;
    }

    JsonNode post(Reading... readings) {
        return post(List.of(readings));
    }

    /** The command's status, or null while it is unknown (404). */
    JsonNode status(String commandId) {
        HttpResponse<String> response = http.get("/api/commands/" + commandId, managerKey);
        if (response.statusCode() == 404) {
            return null;
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return HubClient.json(response);
    }

    static boolean terminal(JsonNode status) {
        return status != null && TERMINAL.contains(status.path("state").asText());
    }

    /** Waits until the reading's command is terminal and returns its status. */
    JsonNode awaitTerminal(String commandId, Duration atMost) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await(commandId + " terminal").atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> terminal(last[0] = status(commandId)));
        return last[0];
    }

    JsonNode awaitTerminal(Reading reading) {
        return awaitTerminal(reading.commandId(), Duration.ofSeconds(60));
    }

    /**
     * Waits until every command is terminal; each poll asks only for those not yet terminal, so thousands of readings
     * cost about one request each plus the stragglers. Returns the terminal statuses by command id.
     */
    Map<String, JsonNode> awaitAllTerminal(Collection<String> commandIds, Duration atMost) {
        Map<String, JsonNode> ended = new HashMap<>();
        Set<String> waiting = new LinkedHashSet<>(commandIds);
        Awaitility.await(waiting.size() + " readings' commands terminal").atMost(atMost)
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    for (var it = waiting.iterator(); it.hasNext(); ) {
                        String id = it.next();
                        JsonNode status = status(id);
                        if (!terminal(status)) {
                            return false; // mostly drained in the order sent: the later ones are likely not done either
                        }
                        ended.put(id, status);
                        it.remove();
                    }
                    return true;
                });
        return ended;
    }

    /** {@code GET /api/streams/{aggregate}/{key}} (domain farm): the events, or none when the stream is empty. */
    List<JsonNode> events(String aggregate, String key) {
        return events("/api/streams/" + aggregate + "/" + key);
    }

    /** The command's own stream {@code command/<CommandType>/<commandId>}. */
    List<JsonNode> commandEvents(String commandType, String commandId) {
        return events("/api/streams/command/" + commandType + "/" + commandId);
    }

    private List<JsonNode> events(String path) {
        HttpResponse<String> response = http.get(path, managerKey);
        if (response.statusCode() == 404) {
            return List.of();
        }
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        HubClient.json(response).path("events").forEach(events::add);
        return events;
    }

    /** The subject's events whose envelope names the command as its correlation id. */
    List<JsonNode> eventsOf(String aggregate, String key, String commandId) {
        return events(aggregate, key).stream().filter(e -> e.path("correlationId").asText().equals(commandId))
                .toList();
    }

    /** {@code GET /api/errors}: the recent command errors, newest first. */
    List<JsonNode> errors() {
        HttpResponse<String> response = http.get("/api/errors?limit=1000", managerKey);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> errors = new ArrayList<>();
        HubClient.json(response).path("errors").forEach(errors::add);
        return errors;
    }

    /** Submits a command as the farm manager and waits for it to complete (the farm a test's readings need). */
    void completes(String type, String payload) {
        String commandId = "sensor-setup-" + UUID.randomUUID();
        HttpResponse<String> response = http.post("/api/commands", managerKey,
                HubClient.command(type, commandId, payload));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode status = awaitTerminal(commandId, Duration.ofSeconds(60));
        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("COMPLETED");
    }

    void registerBarn(String barnCode) {
        completes("RegisterBarn", "{\"barnCode\":\"" + barnCode + "\",\"name\":\"Shed\",\"capacity\":50}");
    }

    void registerTractor(String chassis) {
        completes("RegisterTractor", "{\"chassisNumber\":\"" + chassis + "\",\"make\":\"Massey Ferguson\","
                + "\"model\":\"7S.165\",\"year\":2022}");
    }

    /** A field for her to graze and a cow bought onto it: a female on the farm, whose milkings count. */
    void buyCow(String earTag, String fieldCode) {
        completes("RegisterField", "{\"fieldCode\":\"" + fieldCode + "\",\"name\":\"Paddock\",\"areaHectares\":3}");
        completes("RecordPurchase", "{\"earTag\":\"" + earTag + "\",\"herdNumber\":\"H1\",\"sex\":\"F\","
                + "\"breed\":\"Holstein\",\"bornOn\":\"2023-03-01\",\"purchasedOn\":\"2026-11-01\",\"seller\":\"Kelly\","
                + "\"price\":{\"amount\":\"1500.00\",\"currency\":\"EUR\"},\"location\":\"field:" + fieldCode + "\"}");
    }
}
