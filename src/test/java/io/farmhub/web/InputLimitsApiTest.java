package io.farmhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hostile or broken input gets a clear 4xx problem, and the hub keeps serving after each. */
class InputLimitsApiTest extends ApiTestBase {

    static final String FIELD = "{\"fieldCode\":\"%s\",\"name\":\"Limits\",\"areaHectares\":\"1\"}";

    @AfterEach
    void stillServing() {
        assertHealthy();
        String id = "after-" + UUID.randomUUID();
        HttpResponse<String> ok = hub.post("/api/commands", MARY,
                HubClient.command("RegisterField", id, FIELD.formatted("f" + Math.abs(id.hashCode()))));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(202);
    }

    @Test
    void a_body_over_one_mib_is_413() {
        String big = HubClient.command("RegisterField", null,
                "{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}");
        JsonNode problem = assertProblem(hub.post("/api/commands", MARY, big), 413, "TOO_LARGE");
        assertThat(problem.path("detail").asText()).contains("1048576");
    }

    @Test
    void a_chunked_body_over_one_mib_is_413_too() {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        Iterator<byte[]> parts = java.util.stream.Stream.concat(
                java.util.stream.Stream.of("{\"commandType\":\"RegisterField\",\"payload\":{}".getBytes()),
                java.util.stream.Stream.generate(() -> chunk).limit(20)).iterator();
        // ofByteArrays with no known length: sent chunked, so no Content-Length warns the hub in advance.
        HttpRequest request = hub.request("/api/commands", MARY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArrays(() -> parts)).build();
        assertProblem(hub.send(request), 413, "TOO_LARGE");
    }

    @Test
    void json_nested_deeper_than_64_levels_is_400_malformed() {
        String deep = "[".repeat(100) + "]".repeat(100);
        JsonNode problem = assertProblem(hub.post("/api/commands", MARY,
                HubClient.command("RegisterField", null, "{\"name\":" + deep + "}")), 400, "MALFORMED");
        assertThat(problem.path("detail").asText()).contains("64");
    }

    @Test
    void json_nested_64_levels_deep_is_read() {
        // 64 levels in all: the document, its payload and 62 arrays. It parses; the payload is then the pipeline's.
        String deep = "[".repeat(62) + "]".repeat(62);
        HttpResponse<String> response = hub.post("/api/commands", MARY, HubClient.command("RegisterField",
                "deep-" + UUID.randomUUID(), "{\"fieldCode\":" + deep + "}"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    @Test
    void malformed_json_is_400_with_the_json_path_of_the_problem() {
        JsonNode problem = assertProblem(hub.post("/api/commands", MARY,
                "{\"commandType\":\"RegisterField\",\"payload\":{\"fieldCode\": }}"), 400, "MALFORMED");
        assertThat(problem.path("field").asText()).isEqualTo("$.payload.fieldCode");
        assertThat(problem.path("detail").asText()).contains("line 1");
    }

    @Test
    void a_document_without_a_payload_object_is_400_malformed_naming_the_field() {
        JsonNode problem = assertProblem(hub.post("/api/commands", MARY,
                "{\"commandType\":\"RegisterField\",\"payload\":[1,2]}"), 400, "MALFORMED");
        assertThat(problem.path("field").asText()).isEqualTo("$.payload");
        assertProblem(hub.post("/api/commands", MARY, "{\"payload\":{}}"), 400, "MALFORMED");
        assertProblem(hub.post("/api/commands", MARY, "[]"), 400, "MALFORMED");
        assertProblem(hub.post("/api/commands", MARY, HubClient.command("X".repeat(101), null, "{}")), 400,
                "MALFORMED");
        assertProblem(hub.post("/api/commands", MARY, ""), 400, "MALFORMED");
        assertProblem(hub.post("/api/commands", MARY, HubClient.command("RegisterField", "no/slash",
                FIELD.formatted("slashed"))), 400, "MALFORMED");
    }

    @Test
    void an_unknown_command_type_is_400_unknown_command() {
        JsonNode problem = assertProblem(hub.post("/api/commands", MARY,
                HubClient.command("LaunchRocket", null, "{}")), 400, "UNKNOWN_COMMAND");
        assertThat(problem.path("field").asText()).isEqualTo("commandType");
        assertThat(problem.path("detail").asText()).contains("LaunchRocket");
    }

    @Test
    void wrong_paths_methods_and_media_types_are_problems_too() {
        assertProblem(hub.get("/api/nothing-here", MARY), 404, "NOT_FOUND");
        assertProblem(hub.send(hub.request("/api/errors", MARY)
                .DELETE().build()), 405, "METHOD_NOT_ALLOWED");
        assertProblem(hub.send(hub.request("/api/commands", MARY).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello", StandardCharsets.UTF_8)).build()),
                415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(hub.get("/api/commands?limit=0", MARY), 400, "MALFORMED");
        assertProblem(hub.get("/api/commands?state=DONE", MARY), 400, "MALFORMED");
        assertProblem(hub.get("/api/streams/cow/IE12345670012?asOf=yesterday", MARY), 400, "MALFORMED");
        assertProblem(hub.get("/api/streams/cow/not-a-tag", MARY), 400, "MALFORMED");
        assertProblem(hub.get("/api/streams/horse/black-beauty", MARY), 404, "NOT_FOUND");
    }
}
