package io.farmhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.security.QuotaLedger;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who may do what over HTTP: 401 without a valid key, 403 for a role or a spent quota, each logged once. */
class SecurityApiTest extends ApiTestBase {

    static final String FIELD = "{\"fieldCode\":\"%s\",\"name\":\"A field\",\"areaHectares\":\"4.5\"}";
    static final String SERVICE = "{\"chassisNumber\":\"ZX9000000001\",\"servicedOn\":\"2026-11-20\","
            + "\"engineHours\":\"%d\",\"workDone\":\"oil change\"}";

    @Autowired
    QuotaLedger ledger;

    @Test
    void no_key_is_401_with_a_bearer_challenge() {
        HttpResponse<String> response = hub.get("/api/commands", null);
        assertProblem(response, 401, "UNAUTHORIZED");
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
    }

    @Test
    void a_wrong_key_is_401_on_every_api_path() {
        assertProblem(hub.get("/api/commands", "not-a-key"), 401, "UNAUTHORIZED");
        assertProblem(hub.post("/api/commands", "not-a-key", HubClient.command("RegisterField", null,
                FIELD.formatted("x-field"))), 401, "UNAUTHORIZED");
        assertProblem(hub.get("/api/errors", MARY + "x"), 401, "UNAUTHORIZED");
        assertProblem(hub.get("/api/streams/cow/IE12345670012", "Basic " + MARY), 401, "UNAUTHORIZED");
    }

    @Test
    void health_is_open_without_a_key() {
        assertHealthy();
    }

    @Test
    void a_role_that_may_not_issue_the_command_gets_403_and_the_attempt_is_logged_once() {
        String commandId = "vet-sale-" + UUID.randomUUID();
        HttpResponse<String> response = hub.post("/api/commands", VIC, HubClient.command("RecordSale", commandId,
                "{\"earTag\":\"IE12345670012\",\"soldOn\":\"2026-11-20\",\"buyer\":\"Mart\","
                        + "\"price\":{\"amount\":\"900.00\",\"currency\":\"EUR\"}}"));
        JsonNode problem = assertProblem(response, 403, "FORBIDDEN");
        assertThat(problem.path("detail").asText()).contains("vic").contains("RecordSale");
        assertThat(hub.get("/api/commands/" + commandId, MARY).statusCode()).isEqualTo(404);

        List<JsonNode> logged = errorsFor(commandId);
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).path("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(logged.get(0).path("submittedBy").asText()).isEqualTo("vic");
        assertThat(logged.get(0).path("commandType").asText()).isEqualTo("RecordSale");
        assertThat(logged.get(0).path("source").path("kind").asText()).isEqualTo("api");
        assertThat(logged.get(0).path("message").asText()).isNotBlank();
    }

    @Test
    void a_spent_quota_gets_403_quota_exceeded_counting_each_command_once() {
        String first = "svc-1-" + UUID.randomUUID();
        String second = "svc-2-" + UUID.randomUUID();
        assertThat(hub.post("/api/commands", QUINN, HubClient.command("RecordTractorService", first,
                SERVICE.formatted(100))).statusCode()).isEqualTo(202);
        assertThat(hub.post("/api/commands", QUINN, HubClient.command("RecordTractorService", second,
                SERVICE.formatted(200))).statusCode()).isEqualTo(202);
        awaitTerminal(first);
        awaitTerminal(second); // the pipeline's authorise step asked again: still two, not four
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(ledger.used("quinn", "RecordTractorService", today)).isEqualTo(2);

        // The same command again is the command already known, not a third one.
        assertThat(hub.post("/api/commands", QUINN, HubClient.command("RecordTractorService", first,
                SERVICE.formatted(100))).statusCode()).isEqualTo(200);

        String third = "svc-3-" + UUID.randomUUID();
        JsonNode problem = assertProblem(hub.post("/api/commands", QUINN, HubClient.command("RecordTractorService",
                third, SERVICE.formatted(300))), 403, "QUOTA_EXCEEDED");
        assertThat(problem.path("detail").asText()).contains("quota");
        assertThat(ledger.used("quinn", "RecordTractorService", today)).isEqualTo(2);
        List<JsonNode> logged = errorsFor(third);
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).path("code").asText()).isEqualTo("QUOTA_EXCEEDED");
        assertThat(logged.get(0).path("submittedBy").asText()).isEqualTo("quinn");
    }

    @Test
    void reading_needs_a_role_that_reads_it() {
        assertProblem(hub.get("/api/commands", VIC), 403, "FORBIDDEN");
        assertProblem(hub.get("/api/errors", JOE), 403, "FORBIDDEN");
        assertProblem(hub.get("/api/streams/field/north-meadow", VIC), 403, "FORBIDDEN");
        assertThat(hub.get("/api/commands", AUDREY).statusCode()).isEqualTo(200);
        assertThat(hub.get("/api/errors", AUDREY).statusCode()).isEqualTo(200);
    }

    @Test
    void the_submitter_reads_its_own_command_but_not_others() {
        String mine = "joe-own-" + UUID.randomUUID();
        assertThat(hub.post("/api/commands", GATE, HubClient.command("RecordEngineHours", mine,
                "{\"chassisNumber\":\"ZX9000000001\",\"at\":\"2026-11-20T10:00:00Z\",\"engineHours\":\"5\"}"))
                .statusCode()).isEqualTo(202);
        assertThat(hub.get("/api/commands/" + mine, GATE).statusCode()).isEqualTo(200);
        assertProblem(hub.get("/api/commands/" + mine, JOE), 403, "FORBIDDEN");
        assertThat(hub.get("/api/commands/" + mine, AUDREY).statusCode()).isEqualTo(200);
    }

    List<JsonNode> errorsFor(String commandId) {
        JsonNode errors = HubClient.json(hub.get("/api/errors?limit=1000", MARY)).path("errors");
        return StreamSupport.stream(errors.spliterator(), false)
                .filter(e -> e.path("commandId").asText().equals(commandId))
                .toList();
    }
}
