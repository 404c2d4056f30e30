package io.farmhub.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.DataDirectory;
import io.farmhub.core.CommandSource;
import io.farmhub.core.Json;
import io.farmhub.farm.query.ExampleFarm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Asynchronous runs deliver to their return path: a webhook (real HTTP, retried with back-off while it cannot
 * take the answer, not when it refuses it) or a report in the reports folder. The run's stream says where the
 * answer went, and keeps it whether or not it arrived.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"farmhub.queries.webhook.delay=20", "farmhub.queries.webhook.retries=3",
            "farmhub.queries.webhook.allowed-hosts=127.0.0.1, localhost"})
class QueryReturnPathTest extends StoryHub {

    @Autowired
    DataDirectory data;

    String submit(String query, Map<String, String> parameters, ReturnPath path) {
        Asked asked = engine.submit(query, parameters, path, "mary", CommandSource.api("mary"));
        assertThat(asked).isInstanceOf(Asked.Accepted.class);
        return ((Asked.Accepted) asked).queryId();
    }

    QueryRunStatus finished(String queryId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> engine.run(queryId).orElseThrow(),
                run -> run.state().equals(QueryRunStatus.COMPLETED) || run.state().equals(QueryRunStatus.FAILED));
    }

    @Test
    void a_webhook_that_is_down_twice_gets_the_answer_on_the_third_attempt() throws Exception {
        try (WebhookReceiver hook = new WebhookReceiver(503, 503, 200)) {
            String queryId = submit("herd-register", Map.of("asOf", "2026-10-31"),
                    new ReturnPath(ReturnPath.WEBHOOK, hook.url()));

            QueryRunStatus run = finished(queryId);

            assertThat(run.state()).isEqualTo(QueryRunStatus.COMPLETED);
            assertThat(hook.received()).extracting(WebhookReceiver.Received::answeredWith).containsExactly(503, 503,
                    200);
            WebhookReceiver.Received delivered = hook.received().get(2);
            assertThat(delivered.queryIdHeader()).isEqualTo(queryId);
            JsonNode body = Json.MAPPER.readTree(delivered.body());
            assertThat(body.path("queryId").asText()).isEqualTo(queryId);
            assertThat(ExampleQuestions.timeless(body))
                    .isEqualTo(ExampleQuestions.expected("herd-register", "asOf", "2026-10-31"));
            JsonNode step = run.json().path("steps").get(run.json().path("steps").size() - 1);
            assertThat(step.path("step").asText()).isEqualTo("delivered");
            assertThat(step.path("attempts").asInt()).isEqualTo(3);
            assertThat(step.path("location").asText()).isEqualTo(hook.url());
        }
    }

    @Test
    void a_webhook_that_refuses_the_answer_is_not_asked_again_and_the_run_keeps_its_answer() {
        try (WebhookReceiver hook = new WebhookReceiver(400)) {
            String queryId = submit("tractors-service-due", Map.of(), new ReturnPath(ReturnPath.WEBHOOK, hook.url()));

            QueryRunStatus run = finished(queryId);

            assertThat(run.state()).isEqualTo(QueryRunStatus.FAILED);
            assertThat(hook.received()).hasSize(1);
            assertThat(run.json().path("errors").get(0).path("code").asText()).isEqualTo("DELIVERY_FAILED");
            assertThat(run.json().path("errors").get(0).path("message").asText()).contains("400");
            assertThat(run.answer().path("result").path("tractors").findValuesAsText("chassisNumber"))
                    .containsExactly(ExampleFarm.NEW_HOLLAND);
        }
    }

    @Test
    void a_webhook_on_a_host_the_hub_does_not_post_to_is_refused_before_any_run() {
        int runs = store.list("query", "herd-register").size();

        Asked asked = engine.submit("herd-register", Map.of(), new ReturnPath(ReturnPath.WEBHOOK,
                "http://169.254.169.254/latest/meta-data"), "mary", CommandSource.api("mary"));

        assertThat(asked).isInstanceOf(Asked.Invalid.class);
        assertThat(((Asked.Invalid) asked).rejections().get(0).field()).isEqualTo("returnPath.target");
        assertThat(((Asked.Invalid) asked).rejections().get(0).message()).contains("127.0.0.1");
        assertThat(store.list("query", "herd-register")).hasSize(runs);
    }

    @Test
    void a_report_is_written_to_the_reports_folder_under_its_name_and_day() throws Exception {
        String queryId = submit("tb-tests-due", Map.of(), new ReturnPath(ReturnPath.REPORT, "tb-morning"));

        QueryRunStatus run = finished(queryId);

        assertThat(run.state()).isEqualTo(QueryRunStatus.COMPLETED);
        Path report = data.root().resolve("reports/tb-morning/2026-11-27.json");
        assertThat(report).isRegularFile();
        JsonNode written = Json.MAPPER.readTree(Files.readString(report));
        assertThat(written.path("queryId").asText()).isEqualTo(queryId);
        assertThat(ExampleQuestions.timeless(written))
                .isEqualTo(ExampleQuestions.expected("tb-tests-due"));
        JsonNode step = run.json().path("steps").get(run.json().path("steps").size() - 1);
        assertThat(step.path("step").asText()).isEqualTo("delivered");
        assertThat(step.path("location").asText()).isEqualTo("tb-morning/2026-11-27.json in folder "
                + data.root().resolve("reports"));
    }

    @Test
    void a_report_without_a_name_is_named_after_its_query() {
        String queryId = submit("farm-summary", Map.of(), new ReturnPath(ReturnPath.REPORT, null));

        assertThat(finished(queryId).state()).isEqualTo(QueryRunStatus.COMPLETED);
        assertThat(data.root().resolve("reports/farm-summary/2026-11-27.json")).isRegularFile();
    }
}
