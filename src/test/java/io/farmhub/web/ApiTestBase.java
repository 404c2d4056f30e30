package io.farmhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.security.ApiKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running hub (random port, its own data folder) shared by the API tests, with one user per role:
 * mary (farm-manager), hank (herdsperson), vic (vet), joe (contractor), quinn (contractor, 2 tractor
 * services a day, kept for the quota test), gate-7 (sensor-gateway) and audrey (auditor).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ApiTestBase {

    static final String MARY = "mary-secret-key";
    static final String HANK = "hank-secret-key";
    static final String VIC = "vic-secret-key";
    static final String JOE = "joe-secret-key";
    static final String QUINN = "quinn-secret-key";
    static final String GATE = "gate-secret-key";
    static final String AUDREY = "audrey-secret-key";
    static final Path DATA_DIR = tempDir();

    @LocalServerPort
    int port;

    HubClient hub;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        registry.add("farmhub.data-dir", DATA_DIR::toString);
        user(registry, "mary", MARY, "farm-manager");
        user(registry, "hank", HANK, "herdsperson");
        user(registry, "vic", VIC, "vet");
        user(registry, "joe", JOE, "contractor");
        user(registry, "quinn", QUINN, "contractor");
        user(registry, "gate-7", GATE, "sensor-gateway");
        user(registry, "audrey", AUDREY, "auditor");
        registry.add("farmhub.security.quotas.quinn.RecordTractorService", () -> "2");
    }

    private static void user(DynamicPropertyRegistry registry, String name, String key, String role) {
        registry.add("farmhub.security.users." + name + ".api-key-sha256", () -> ApiKey.sha256Hex(key));
        registry.add("farmhub.security.users." + name + ".roles", () -> role);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("farmhub-api-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void client() {
        hub = new HubClient(port);
    }

    /** The problem+json shape every error has, with its status and code. */
    static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        JsonNode problem = HubClient.json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("type").asText()).isNotBlank();
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.has("field")).isTrue();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("trace");
        return problem;
    }

    /** Waits until the command is terminal (COMPLETED, INVALID or FAILED) and returns its status. */
    JsonNode awaitTerminal(String commandId) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            last[0] = HubClient.json(hub.get("/api/commands/" + commandId, MARY));
            String state = last[0].path("state").asText();
            return state.equals("COMPLETED") || state.equals("INVALID") || state.equals("FAILED");
        });
        return last[0];
    }

    void assertHealthy() {
        HttpResponse<String> health = hub.get("/actuator/health", null);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(HubClient.json(health).path("status").asText()).isEqualTo("UP");
    }
}
