package io.farmhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Commands over HTTP end to end: submit, idempotency, status, list, progress, resume, streams. */
class CommandApiTest extends ApiTestBase {

    static String field(String code) {
        return "{\"fieldCode\":\"" + code + "\",\"name\":\"North meadow\",\"areaHectares\":\"12.5\"}";
    }

    static String uniqueCode() {
        return "f-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_command_is_accepted_with_202_and_completes() {
        String code = uniqueCode();
        HttpResponse<String> response = hub.post("/api/commands", MARY,
                HubClient.command("RegisterField", null, field(code)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode accepted = HubClient.json(response);
        String commandId = accepted.path("commandId").asText();
        assertThat(commandId).isNotBlank();
        assertThat(accepted.path("state").asText()).isNotBlank();
        assertThat(accepted.path("statusUrl").asText()).isEqualTo("/api/commands/" + commandId);
        assertThat(response.headers().firstValue("Location")).contains("/api/commands/" + commandId);

        JsonNode status = awaitTerminal(commandId);
        assertThat(status.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(status.path("commandType").asText()).isEqualTo("RegisterField");
        assertThat(status.path("submittedBy").asText()).isEqualTo("mary");
        assertThat(status.path("source").path("kind").asText()).isEqualTo("api");
        assertThat(status.path("events").get(0).path("stream").asText()).isEqualTo("farm/field/" + code);
    }

    @Test
    void the_same_command_id_again_is_200_with_the_existing_status_or_409_when_the_payload_differs() {
        String commandId = "idem-" + UUID.randomUUID();
        String code = uniqueCode();
        assertThat(hub.post("/api/commands", MARY, HubClient.command("RegisterField", commandId, field(code)))
                .statusCode()).isEqualTo(202);
        HttpResponse<String> again = hub.post("/api/commands", MARY,
                HubClient.command("RegisterField", commandId, field(code)));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(HubClient.json(again).path("commandId").asText()).isEqualTo(commandId);
        assertThat(HubClient.json(again).path("commandType").asText()).isEqualTo("RegisterField");

        JsonNode conflict = assertProblem(hub.post("/api/commands", MARY,
                HubClient.command("RegisterField", commandId, field(code + "-other"))), 409, "CONFLICT");
        assertThat(conflict.path("statusUrl").asText()).isEqualTo("/api/commands/" + commandId);
    }

    @Test
    void an_unknown_command_is_404() {
        assertProblem(hub.get("/api/commands/no-such-command", MARY), 404, "NOT_FOUND");
        assertProblem(hub.post("/api/commands/no-such-command/resume", MARY, ""), 404, "NOT_FOUND");
        assertProblem(hub.send(hub.request("/api/commands/no-such-command/progress", MARY)
                .header("Accept", "text/event-stream").GET().build()), 404, "NOT_FOUND");
    }

    @Test
    void a_rejected_command_ends_invalid_with_its_reason_listed_newest_first() {
        String code = uniqueCode();
        String first = "list-1-" + UUID.randomUUID();
        String second = "list-2-" + UUID.randomUUID();
        hub.post("/api/commands", MARY, HubClient.command("RegisterField", first, field(code)));
        awaitTerminal(first);
        hub.post("/api/commands", MARY, HubClient.command("RegisterField", second, field(code)));
        JsonNode invalid = awaitTerminal(second);
        assertThat(invalid.path("state").asText()).isEqualTo("INVALID");
        assertThat(invalid.path("errors").get(0).path("code").asText()).isEqualTo("FIELD_EXISTS");

        JsonNode listed = HubClient.json(hub.get("/api/commands?state=INVALID&limit=5", MARY)).path("commands");
        assertThat(listed.get(0).path("commandId").asText()).isEqualTo(second);
        listed.forEach(c -> assertThat(c.path("state").asText()).isEqualTo("INVALID"));
        JsonNode recent = HubClient.json(hub.get("/api/commands?limit=2", MARY)).path("commands");
        assertThat(recent.size()).isLessThanOrEqualTo(2);
    }

    @Test
    void only_a_failed_or_stalled_command_can_be_resumed() {
        String commandId = "resume-" + UUID.randomUUID();
        hub.post("/api/commands", MARY, HubClient.command("RegisterField", commandId, field(uniqueCode())));
        awaitTerminal(commandId);
        assertProblem(hub.post("/api/commands/" + commandId + "/resume", MARY, ""), 409, "CONFLICT");
    }

    @Test
    void progress_streams_one_event_per_step_and_closes_after_the_terminal_state() throws IOException {
        String commandId = "progress-" + UUID.randomUUID();
        assertThat(hub.post("/api/commands", MARY, HubClient.command("RegisterField", commandId,
                field(uniqueCode()))).statusCode()).isEqualTo(202);
        HttpRequest request = hub.request("/api/commands/" + commandId + "/progress", MARY)
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response = hub.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/event-stream");

        List<String> names = new ArrayList<>();
        List<JsonNode> data = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) { // ends when the hub closes
                if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    names.add(name);
                    data.add(HubClient.JSON.readTree(line.substring(5)));
                }
            }
        }
        assertThat(names).last().isEqualTo("status");
        assertThat(names.subList(0, names.size() - 1)).isNotEmpty().allMatch("step"::equals);
        List<String> steps = data.subList(0, data.size() - 1).stream().map(d -> d.path("step").asText()).toList();
        assertThat(steps).doesNotHaveDuplicates().contains("validate", "complete");
        assertThat(data.get(data.size() - 1).path("state").asText()).isEqualTo("COMPLETED");
        assertThat(data.get(data.size() - 1).path("steps").size()).isEqualTo(steps.size());
    }

    @Test
    void a_stream_reads_with_its_envelopes_as_of_a_date_and_as_known_at_an_instant() {
        String code = uniqueCode();
        String registered = "stream-1-" + UUID.randomUUID();
        hub.post("/api/commands", MARY, HubClient.command("RegisterField", registered, field(code)));
        awaitTerminal(registered);
        Instant between = Instant.now();
        String sown = "stream-2-" + UUID.randomUUID();
        hub.post("/api/commands", MARY, HubClient.command("SowCrop", sown,
                "{\"fieldCode\":\"" + code + "\",\"crop\":\"barley\",\"sownOn\":\"2026-03-01\"}"));
        assertThat(awaitTerminal(sown).path("state").asText()).isEqualTo("COMPLETED");

        JsonNode all = HubClient.json(hub.get("/api/streams/field/" + code.toUpperCase(), MARY));
        assertThat(all.path("stream").asText()).isEqualTo("farm/field/" + code);
        assertThat(all.path("version").asLong()).isEqualTo(2);
        JsonNode first = all.path("events").get(0);
        assertThat(first.path("eventType").asText()).isEqualTo("FieldRegistered");
        assertThat(first.path("version").asLong()).isEqualTo(1);
        assertThat(first.path("correlationId").asText()).isEqualTo(registered);
        assertThat(first.path("who").asText()).isEqualTo("mary");
        assertThat(first.path("source").asText()).isEqualTo("api:mary");
        assertThat(first.path("recordedAt").asText()).isNotBlank();
        assertThat(first.path("data").path("name").asText()).isEqualTo("North meadow");

        JsonNode known = HubClient.json(hub.get("/api/streams/field/" + code + "?knownAt=" + between, MARY));
        assertThat(known.path("events").size()).isEqualTo(1);
        JsonNode before = HubClient.json(hub.get("/api/streams/field/" + code + "?asOf=2026-02-28", MARY));
        assertThat(before.path("events").findValues("eventType").stream().map(JsonNode::asText))
                .doesNotContain("CropSown");
        assertProblem(hub.get("/api/streams/field/never-registered", MARY), 404, "NOT_FOUND");
    }
}
