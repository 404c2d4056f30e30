package io.farmhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.farmhub.security.ApiKey;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Entra ID access tokens against the real hub on a random port, from an issuer the test runs ({@link LocalIssuer}):
 * discovery, JWKS, RS256 signatures and Entra's claims (oid, preferred_username, roles). API keys keep working
 * beside the tokens.
 */
@ExtendWith(OutputCaptureExtension.class)
// Refusals are logged at debug: on here, so the test sees that no token reaches the log.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.io.farmhub.web.ApiKeyFilter=DEBUG")
class EntraIdTokenApiTest {

    static final LocalIssuer ISSUER = new LocalIssuer();
    static final RSAKey KEY = LocalIssuer.newKey("key-2026-11");
    static final String MARY_KEY = "mary-api-key-beside-tokens";
    static final String FIELD = "{\"fieldCode\":\"%s\",\"name\":\"A field\",\"areaHectares\":\"4.5\"}";

    @LocalServerPort
    int port;

    HubClient hub;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) throws IOException {
        ISSUER.publish(KEY);
        String dataDir = Files.createTempDirectory("farmhub-entra-test").toString();
        registry.add("farmhub.data-dir", () -> dataDir);
        registry.add("farmhub.security.jwt.issuer-uri", ISSUER::issuer);
        registry.add("farmhub.security.jwt.audience", () -> LocalIssuer.AUDIENCE);
        // Every unknown kid may fetch the keys again at once, so the tests need not wait out the rate limit.
        registry.add("farmhub.security.jwt.key-refresh-interval", () -> "0s");
        registry.add("farmhub.security.users.mary.api-key-sha256", () -> ApiKey.sha256Hex(MARY_KEY));
        registry.add("farmhub.security.users.mary.roles", () -> "farm-manager");
        registry.add("farmhub.security.quotas.contractor.RecordTractorService", () -> "1");
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @BeforeEach
    void client() {
        hub = new HubClient(port);
    }

    static String token(String oid, String... roles) {
        return LocalIssuer.sign(KEY, ISSUER.claims(oid, roles).build());
    }

    @Test
    void a_farm_manager_token_issues_a_command_that_completes_as_its_user() {
        String token = token("0b7c3f1e-mary", "farm-manager");
        String id = "entra-field-" + UUID.randomUUID();
        HttpResponse<String> response = hub.post("/api/commands", token,
                HubClient.command("RegisterField", id, FIELD.formatted("entra-" + id.substring(12, 20))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);

        JsonNode done = awaitTerminal(id);
        assertThat(done.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("submittedBy").asText()).isEqualTo("0b7c3f1e-mary");
        assertThat(done.path("source").path("user").asText()).isEqualTo("0b7c3f1e-mary");
        // The submitter reads its own command with the same token.
        assertThat(hub.get("/api/commands/" + id, token).statusCode()).isEqualTo(200);
    }

    @Test
    void an_auditor_token_may_read_but_not_command_and_the_attempt_is_recorded_under_its_user() {
        String token = token("5e1d-audrey", "auditor");
        String id = "entra-audit-" + UUID.randomUUID();
        JsonNode problem = ApiTestBase.assertProblem(hub.post("/api/commands", token,
                HubClient.command("RegisterField", id, FIELD.formatted("audit-field"))), 403, "FORBIDDEN");
        assertThat(problem.path("detail").asText()).contains("5e1d-audrey").contains("RegisterField");
        assertThat(hub.get("/api/errors", token).statusCode()).isEqualTo(200);

        List<JsonNode> logged = errorsFor(id);
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).path("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(logged.get(0).path("submittedBy").asText()).isEqualTo("5e1d-audrey");
        assertThat(hub.get("/api/commands/" + id, MARY_KEY).statusCode()).isEqualTo(404);
    }

    @Test
    void a_token_claiming_the_internal_scheduler_role_does_not_get_it() {
        // The scheduler reads everything; a token saying "scheduler" reads nothing.
        ApiTestBase.assertProblem(hub.get("/api/errors", token("c0ffee-sneaky", "scheduler")), 403, "FORBIDDEN");
        ApiTestBase.assertProblem(hub.get("/api/commands", token("c0ffee-sneaky", "scheduler")), 403, "FORBIDDEN");
    }

    @Test
    void a_quota_counts_for_a_token_user_as_for_any_user() {
        String token = token("7a7a-contractor", "contractor");
        String first = "entra-svc-1-" + UUID.randomUUID();
        String second = "entra-svc-2-" + UUID.randomUUID();
        String service = "{\"chassisNumber\":\"ZX9000000077\",\"servicedOn\":\"2026-11-20\","
                + "\"engineHours\":\"100\",\"workDone\":\"oil change\"}";
        assertThat(hub.post("/api/commands", token, HubClient.command("RecordTractorService", first, service))
                .statusCode()).isEqualTo(202);
        // Its authorise step, in the pipeline, knew the token's roles: not refused FORBIDDEN there.
        JsonNode ran = awaitTerminal(first);
        assertThat(ran.path("errors").findValuesAsText("code")).doesNotContain("FORBIDDEN", "QUOTA_EXCEEDED");

        ApiTestBase.assertProblem(hub.post("/api/commands", token,
                HubClient.command("RecordTractorService", second, service)), 403, "QUOTA_EXCEEDED");
        assertThat(errorsFor(second)).singleElement().satisfies(e -> {
            assertThat(e.path("code").asText()).isEqualTo("QUOTA_EXCEEDED");
            assertThat(e.path("submittedBy").asText()).isEqualTo("7a7a-contractor");
        });
    }

    @Test
    void a_sensor_gateway_token_sends_readings_whose_commands_run_with_its_roles() {
        String barnId = "entra-barn-" + UUID.randomUUID();
        assertThat(hub.post("/api/commands", token("0b7c3f1e-mary", "farm-manager"), HubClient.command(
                "RegisterBarn", barnId, "{\"barnCode\":\"entra-shed\",\"name\":\"Shed\",\"capacity\":10}"))
                .statusCode()).isEqualTo(202);
        assertThat(awaitTerminal(barnId).path("state").asText()).isEqualTo("COMPLETED");

        String reading = "[{\"sensorId\":\"entra-temp-1\",\"kind\":\"barn-temperature\",\"subject\":\"entra-shed\","
                + "\"value\":11.5,\"unit\":\"°C\",\"at\":\"2026-11-26T09:00:00Z\"}]";
        HttpResponse<String> posted = hub.send(hub.request("/api/sensors/readings", token("9a9a-gateway",
                "sensor-gateway")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(reading)).build());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        JsonNode done = awaitTerminal("sensor:entra-temp-1:2026-11-26T09:00:00Z");
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("submittedBy").asText()).isEqualTo("9a9a-gateway");
    }

    @Test
    void an_api_key_still_works_beside_tokens() {
        assertThat(hub.get("/api/commands", MARY_KEY).statusCode()).isEqualTo(200);
        ApiTestBase.assertProblem(hub.get("/api/commands", "not-" + MARY_KEY), 401, "UNAUTHORIZED");
    }

    @Test
    void bad_tokens_are_401_with_a_reason_and_never_reach_the_log(CapturedOutput output) {
        Instant now = Instant.now();
        RSAKey stranger = LocalIssuer.newKey("not-published");
        String good = token("0b7c3f1e-mary", "auditor");
        String[] parts = good.split("\\.");
        String elevated = Base64URL.encode(ISSUER.claims("0b7c3f1e-mary", "farm-manager").build().toString())
                .toString();
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put(LocalIssuer.sign(KEY, ISSUER.claims("a", "farm-manager")
                .expirationTime(Date.from(now.minusSeconds(600))).notBeforeTime(Date.from(now.minusSeconds(1200)))
                .build()), "expired");
        refused.put(LocalIssuer.sign(KEY, ISSUER.claims("a", "farm-manager")
                .notBeforeTime(Date.from(now.plusSeconds(600))).build()), "not valid before");
        refused.put(LocalIssuer.sign(KEY, ISSUER.claims("a", "farm-manager").audience("api://someone-else")
                .build()), "meant for");
        refused.put(LocalIssuer.sign(KEY, ISSUER.claims("a", "farm-manager")
                .issuer("https://login.microsoftonline.com/another-tenant/v2.0").build()), "issued by");
        refused.put(LocalIssuer.sign(stranger, ISSUER.claims("a", "farm-manager").build()), "does not publish");
        refused.put(parts[0] + "." + elevated + "." + parts[2], "signature is not valid");
        refused.put(new PlainJWT(ISSUER.claims("a", "farm-manager").build()).serialize(), "alg none");
        refused.put("eyJhbGciOiJSUzI1NiJ9.bm90LWpzb24.c2ln", "not a well-formed JWT");

        refused.forEach((token, reason) -> {
            HttpResponse<String> response = hub.get("/api/commands", token);
            JsonNode problem = ApiTestBase.assertProblem(response, 401, "UNAUTHORIZED");
            assertThat(problem.path("detail").asText()).as(reason).contains(reason);
            assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString()
                    .contains("invalid_token");
            assertThat(response.body()).doesNotContain(token);
        });
        assertThat(output.getAll()).contains("refused a bearer token");
        refused.keySet().forEach(token -> assertThat(output.getAll()).doesNotContain(token));
        assertThat(output.getAll()).doesNotContain(good).doesNotContain(parts[2]);
    }

    @Test
    void a_new_signing_key_is_fetched_when_a_token_names_it() {
        assertThat(hub.get("/api/commands", token("0b7c3f1e-mary", "farm-manager")).statusCode()).isEqualTo(200);
        int downloads = ISSUER.keyDownloads();
        RSAKey rotated = LocalIssuer.newKey("key-2026-12");
        // Entra ID publishes the next key beside the current one before it signs with it.
        ISSUER.publish(KEY, rotated);
        String token = LocalIssuer.sign(rotated, ISSUER.claims("0b7c3f1e-mary", "farm-manager").build());

        HttpResponse<String> response = hub.get("/api/commands", token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(ISSUER.keyDownloads()).isEqualTo(downloads + 1);
        // The key set just fetched is cached: the next token costs no download.
        assertThat(hub.get("/api/commands", token).statusCode()).isEqualTo(200);
        assertThat(ISSUER.keyDownloads()).isEqualTo(downloads + 1);
    }

    JsonNode awaitTerminal(String commandId) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            last[0] = HubClient.json(hub.get("/api/commands/" + commandId, MARY_KEY));
            String state = last[0].path("state").asText();
            return state.equals("COMPLETED") || state.equals("INVALID") || state.equals("FAILED");
        });
        return last[0];
    }

    List<JsonNode> errorsFor(String commandId) {
        JsonNode errors = HubClient.json(hub.get("/api/errors?limit=1000", MARY_KEY)).path("errors");
        return StreamSupport.stream(errors.spliterator(), false)
                .filter(e -> e.path("commandId").asText().equals(commandId))
                .toList();
    }

}
