package io.farmhub.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.farm.query.ExampleFarm;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The query API over real HTTP on the example story: the answer's shape and the run behind it, asynchronous
 * runs read back through their status URL, and every refusal as problem+json naming what is wrong.
 */
class QueryApiTest extends HttpStoryHub {


    @Test
    void an_answer_has_the_fields_of_the_contract_in_order_and_names_the_run_that_computed_it() {
        HttpResponse<String> response = http.ask("herd-register", "asOf", "2026-10-31");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        JsonNode answer = QueryHttp.json(response);
        assertThat(answer.fieldNames()).toIterable().containsExactly("query", "parameters", "asOf", "knownAt",
                "computedAt", "cached", "sourceVersions", "result");
        assertThat(ExampleQuestions.timeless(answer))
                .isEqualTo(ExampleQuestions.expected("herd-register", "asOf", "2026-10-31"));
        String run = response.headers().firstValue("Content-Location").orElseThrow();
        JsonNode status = QueryHttp.json(http.get(run));
        assertThat(status.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(status.path("result")).isEqualTo(answer.path("result"));
        assertThat(QueryHttp.json(http.ask("herd-register", "asOf", "2026-10-31")).path("cached").asBoolean()).isTrue();
    }

    @Test
    void an_asynchronous_run_answers_202_and_its_status_url_shows_it_through_to_its_report() {
        HttpResponse<String> response = http.post("/api/queries/animals-at",
                "{\"parameters\": {\"location\": \"field:hazel-park\", \"asOf\": \"2026-10-31\"}, \"returnPath\":"
                        + " {\"type\": \"report\"}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode accepted = QueryHttp.json(response);
        String statusUrl = accepted.path("statusUrl").asText();
        assertThat(statusUrl).isEqualTo("/api/queries/runs/" + accepted.path("queryId").asText());
        assertThat(response.headers().firstValue("Location")).contains(statusUrl);
        JsonNode done = await().atMost(Duration.ofSeconds(20)).until(() -> QueryHttp.json(http.get(statusUrl)),
                s -> s.path("state").asText().equals("COMPLETED"));
        assertThat(done.path("queryId").asText()).isEqualTo(accepted.path("queryId").asText());
        assertThat(done.path("returnPath").path("type").asText()).isEqualTo("report");
        assertThat(ExampleQuestions.timeless(done.deepCopy()).path("result"))
                .isEqualTo(ExampleQuestions.expected("animals-at", "location", "field:hazel-park", "asOf", "2026-10-31")
                        .path("result"));
        assertThat(done.path("result").path("animals").findValuesAsText("earTag"))
                .containsExactly(ExampleFarm.FRIESIAN, ExampleFarm.JERSEY);
        assertThat(done.findValuesAsText("step")).containsExactly("requested", "read", "answered", "delivered");
    }

    @Test
    void bad_parameters_are_refused_all_at_once_as_problem_json() {
        HttpResponse<String> response = http.ask("milk-yield", "from", "2026-11-31", "earTag", "cow seven");

        JsonNode problem = problem(response, 400, "MALFORMED");
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("from", "to", "earTag");
        assertThat(problem.path("field").asText()).isIn("from", "to", "earTag");
    }

    @Test
    void a_parameter_given_twice_is_refused() {
        problem(http.get("/api/queries/herd-register?asOf=2026-10-31&asOf=2026-11-27"), 400, "MALFORMED");
    }

    @Test
    void an_unknown_query_or_run_is_404_problem_json() {
        assertThat(problem(http.ask("herd"), 404, "NOT_FOUND").path("detail").asText()).contains("herd-register");
        problem(http.get("/api/queries/runs/" + UUID.randomUUID()), 404, "NOT_FOUND");
    }

    @Test
    void a_run_request_without_a_usable_return_path_is_refused_with_its_json_path() {
        JsonNode problem = problem(http.post("/api/queries/herd-register",
                "{\"parameters\": {\"asOf\": \"2026-10-31\"}, \"returnPath\": {\"type\": \"webhook\","
                        + " \"target\": \"file:///etc/passwd\"}}"), 400, "MALFORMED");
        assertThat(problem.path("field").asText()).isEqualTo("$.returnPath.target");
        problem = problem(http.post("/api/queries/herd-register", "{\"parameters\": {\"asOf\": [1]}}"), 400,
                "MALFORMED");
        assertThat(problem.path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("$.parameters.asOf", "$.returnPath");
    }

    @Test
    void a_run_request_with_bad_parameters_starts_no_run() {
        int runs = store.list("query", "animals-at").size();
        JsonNode problem = problem(http.post("/api/queries/animals-at", "{\"parameters\": {\"location\":"
                + " \"the barn\"}, \"returnPath\": {\"type\": \"report\"}}"), 400, "MALFORMED");
        assertThat(problem.path("field").asText()).isEqualTo("$.parameters.location");
        assertThat(store.list("query", "animals-at")).hasSize(runs);
    }

    @Test
    void without_an_api_key_no_query_is_answered() {
        assertThat(http.as(null).ask("herd-register").statusCode()).isEqualTo(401);
        assertThat(http.as("not-a-key").post("/api/queries/herd-register", "{\"returnPath\": {\"type\": \"report\"}}")
                .statusCode()).isEqualTo(401);
    }

    @Test
    void a_vet_runs_the_cow_queries_and_no_other() {
        QueryHttp vet = http.as(QueryUsers.VIC);
        for (String query : new String[] {"herd-register", "animals-at", "tb-tests-due", "animal-history",
            "milk-yield"}) {
            assertThat(vet.ask(query, ExampleQuestions.ASKED.get(query)).statusCode()).as(query).isEqualTo(200);
        }
        for (String query : new String[] {"tractors-service-due", "loan-collateral", "farm-summary"}) {
            assertThat(problem(vet.ask(query, ExampleQuestions.ASKED.get(query)), 403, "FORBIDDEN")
                    .path("detail").asText()).as(query).contains("vic");
        }
    }

    @Test
    void a_contractor_runs_no_query_and_reads_no_run_but_an_auditor_does() {
        HttpResponse<String> asked = http.ask("farm-summary");
        String run = asked.headers().firstValue("Content-Location").orElseThrow();
        QueryHttp contractor = http.as(QueryUsers.JOE);

        problem(contractor.ask("herd-register"), 403, "FORBIDDEN");
        problem(contractor.post("/api/queries/herd-register", "{\"returnPath\": {\"type\": \"report\"}}"), 403,
                "FORBIDDEN");
        problem(contractor.get(run), 403, "FORBIDDEN");
        assertThat(http.as(QueryUsers.AUDITOR).ask("farm-summary").statusCode()).isEqualTo(200);
        assertThat(http.as(QueryUsers.AUDITOR).get(run).statusCode()).isEqualTo(200);
        assertThat(problem(http.as(QueryUsers.VIC).get(run), 403, "FORBIDDEN").path("detail").asText())
                .contains("farm-summary");
    }

    static JsonNode problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        JsonNode problem = QueryHttp.json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }

}
