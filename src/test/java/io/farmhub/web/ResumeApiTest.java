package io.farmhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.commands.CommandIndex;
import io.farmhub.commands.FailedCommands;
import io.farmhub.commands.CommandLog;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code POST /api/commands/{id}/resume}: who may resume a FAILED command (its submitter, or a role that may issue
 * its type), and that the command's status names who did.
 */
class ResumeApiTest extends ApiTestBase {

    @Autowired
    CommandLog log;

    @Autowired
    CommandIndex index;

    /** A RelocateAnimal by {@code user} that infrastructure faults stopped before its first step. */
    private String failedCommandOf(String user) throws Exception {
        String id = "resume-by-" + UUID.randomUUID();
        JsonNode payload = HubClient.JSON.readTree(
                "{\"earTag\":\"IE12345670012\",\"to\":\"field:nowhere\",\"movedOn\":\"2026-11-20\"}");
        FailedCommands.record(log, index, id, "RelocateAnimal", payload, user);
        return id;
    }

    @Test
    void a_resume_is_recorded_with_the_user_who_asked_for_it() throws Exception {
        String id = failedCommandOf("hank");
        assertThat(HubClient.json(hub.get("/api/commands/" + id, MARY)).path("state").asText()).isEqualTo("FAILED");

        assertThat(hub.post("/api/commands/" + id + "/resume", MARY, "").statusCode()).isEqualTo(202);

        JsonNode done = awaitTerminal(id);
        assertThat(done.path("state").asText()).isIn("COMPLETED", "INVALID");
        List<JsonNode> steps = StreamSupport.stream(done.path("steps").spliterator(), false).toList();
        assertThat(steps).extracting(s -> s.path("step").asText() + ":" + s.path("status").asText())
                .containsSubsequence("log-parameters:failed", "resume:done", "log-parameters:done");
        JsonNode resume = steps.stream().filter(s -> s.path("step").asText().equals("resume")).findFirst()
                .orElseThrow();
        assertThat(resume.path("by").asText()).isEqualTo("mary");
        assertThat(resume.path("detail").asText()).isEqualTo("resumed by mary");
        // The command still runs as its submitter: resuming lends it no roles.
        assertThat(done.path("submittedBy").asText()).isEqualTo("hank");
    }

    @Test
    void only_the_submitter_or_a_role_that_may_issue_the_type_may_resume() throws Exception {
        String id = failedCommandOf("hank");
        JsonNode problem = assertProblem(hub.post("/api/commands/" + id + "/resume", VIC, ""), 403, "FORBIDDEN");
        assertThat(problem.path("detail").asText()).contains("vic").contains("RelocateAnimal");
        assertProblem(hub.post("/api/commands/" + id + "/resume", AUDREY, ""), 403, "FORBIDDEN");
        JsonNode still = HubClient.json(hub.get("/api/commands/" + id, MARY));
        assertThat(still.path("state").asText()).isEqualTo("FAILED");
        assertThat(still.path("steps").findValuesAsText("step")).doesNotContain("resume");

        assertThat(hub.post("/api/commands/" + id + "/resume", HANK, "").statusCode()).isEqualTo(202);
        JsonNode done = awaitTerminal(id);
        assertThat(done.path("steps").findValues("by")).extracting(JsonNode::asText).containsExactly("hank");
    }
}
