package io.farmhub.queries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.CommandSource;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;
import io.farmhub.farm.query.ExampleFarm;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The query engine over the example story in a real SQLite store: every query answers exactly as the pure
 * query does over the same story in memory (the answers the farm/query tests check by hand), each run is kept
 * on its own stream, and bad questions are refused with every problem named.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "farmhub.queries.chunk-size=3")
class QueryEngineTest extends StoryHub {


    QueryOutcome ask(String query, Map<String, String> parameters) {
        Asked asked = engine.ask(query, parameters, "mary", CommandSource.api("mary"));
        assertThat(asked).as(query).isInstanceOf(Asked.Answered.class);
        return ((Asked.Answered) asked).outcome();
    }

    @Test
    void every_query_answers_as_the_pure_query_does_over_the_same_story() {
        for (String query : ExampleQuestions.ASKED.keySet()) {
            QueryOutcome outcome = ask(query, ExampleQuestions.parameters(query));
            JsonNode answer = outcome.answer().json();
            ExampleQuestions.assertSameAnswer(query, answer);
            assertThat(answer.path("asOf").asText()).isEqualTo(ExampleFarm.TODAY.toString());
        }
    }

    @Test
    void a_run_is_kept_on_its_own_stream_with_its_steps_and_its_answer_as_given() {
        QueryOutcome outcome = ask("animals-at", Map.of("location", "field:lough-field", "asOf", "2026-11-15"));
        assertThat(outcome.computedBy()).isEqualTo(outcome.request().queryId());

        QueryRunStatus run = engine.run(outcome.request().queryId()).orElseThrow();

        assertThat(run.state()).isEqualTo(QueryRunStatus.COMPLETED);
        assertThat(run.json().path("requestedBy").asText()).isEqualTo("mary");
        assertThat(run.json().path("source").asText()).isEqualTo("api:mary");
        assertThat(run.json().findValues("step")).extracting(JsonNode::asText)
                .containsExactly("requested", "read", "answered");
        assertThat(run.json().path("steps").get(1).path("streams").asInt()).isEqualTo(4);
        assertThat(run.json().path("steps").get(1).path("chunks").asInt()).isEqualTo(2); // 3 + 1, read in parallel
        assertThat(run.answer().toString()).isEqualTo(outcome.answer().json().toString());
        assertThat(run.json().path("result").path("animals").findValuesAsText("earTag"))
                .containsExactly(ExampleFarm.HEREFORD_HEIFER);
        assertThat(store.version(QueryRunLog.stream("animals-at", outcome.request().queryId()))).isEqualTo(3);
    }

    @Test
    void a_question_about_today_reads_only_its_classifier_set_and_one_about_another_day_every_instance() {
        QueryRunStatus today = engine.run(ask("tractors-service-due", Map.of("asOf", "2026-11-27"))
                .computedBy()).orElseThrow();
        QueryOutcome register = ask("herd-register", Map.of());
        QueryOutcome before = ask("herd-register", Map.of("asOf", "2026-11-19"));

        // on-farm: the bull sold on the 20th is not read at all today; on the 19th every cow is read (and he is in)
        assertThat(register.answer().sourceVersions()).hasSize(3)
                .doesNotContainKey("farm/cow/" + ExampleFarm.HEREFORD_BULL);
        assertThat(before.answer().sourceVersions()).hasSize(4);
        assertThat(before.answer().result().findValuesAsText("earTag")).contains(ExampleFarm.HEREFORD_BULL);
        // service-due: only the New Holland (2390 h, 250 h past its service) is in the set
        assertThat(today.json().path("steps").get(1).path("streams").asInt()).isEqualTo(1);
        assertThat(today.answer().path("sourceVersions").fieldNames()).toIterable()
                .containsExactly("farm/tractor/" + ExampleFarm.NEW_HOLLAND);
    }

    @Test
    void an_unknown_run_id_is_no_run() {
        assertThat(engine.run(UUID.randomUUID().toString())).isEmpty();
        assertThat(engine.run("../../etc")).isEmpty();
    }

    @Test
    void a_question_fixed_in_code_gets_its_answer_or_a_bug_report() {
        QueryOutcome due = engine.answer("tb-tests-due", Map.of("asOf", "2026-11-27"), "scheduler",
                CommandSource.schedule("tb-test-inspection"));
        assertThat(due.answer().result().path("animals").findValuesAsText("earTag"))
                .containsExactly(ExampleFarm.HEREFORD_HEIFER);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> engine.answer("tb-tests-due", Map.of("asOf", "someday"), "scheduler",
                        CommandSource.schedule("tb-test-inspection")))
                .withMessageContaining("asOf");
    }

    @Test
    void an_unknown_query_is_refused_with_the_names_there_are() {
        Asked asked = engine.ask("herd", Map.of(), "mary", CommandSource.api("mary"));

        assertThat(asked).isInstanceOf(Asked.UnknownQuery.class);
        assertThat(((Asked.UnknownQuery) asked).known()).contains("herd-register", "farm-summary");
    }

    @Test
    void bad_parameters_are_refused_each_by_name_before_any_run_starts() {
        Asked asked = engine.ask("milk-yield", Map.of("from", "yesterday", "earTag", "cow 7", "colour", "red"),
                "mary", CommandSource.api("mary"));

        assertThat(asked).isInstanceOf(Asked.Invalid.class);
        assertThat(((Asked.Invalid) asked).rejections()).extracting(Rejection::field)
                .containsExactlyInAnyOrder("colour", "from", "to", "earTag");
        assertThat(((Asked.Invalid) asked).rejections()).extracting(Rejection::code).containsOnly(ErrorCode.MALFORMED);
    }
}
