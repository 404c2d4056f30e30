package io.farmhub.queries;

import static io.farmhub.farm.query.ExampleFarm.HEREFORD_HEIFER;
import static io.farmhub.farm.query.ExampleFarm.JERSEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.commands.CommandState;
import io.farmhub.farm.StoredEvents.Provenance;
import io.farmhub.farm.query.ExampleFarm;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The proof, end to end over HTTP on a real SQLite file: the example story told through the command pipeline
 * with its own ids, users and sources; every query answers as the hand-checked pure queries do; a cow moved is
 * seen by animals-at within the notification lag; a sale entered late changes herd-register, except as FarmHub
 * knew it before the sale was entered.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueryStoryTest extends HttpStoryHub {

    GatewayFarmhand farmhand;

    @BeforeEach
    void farmhand() {
        farmhand = new GatewayFarmhand(gateway);
    }

    JsonNode ask(String query, String... parameters) {
        HttpResponse<String> response = http.ask(query, parameters);
        assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
        return QueryHttp.json(response);
    }

    static Provenance byMary(String commandId) {
        return new Provenance(commandId, "mary", "api:mary", Instant.now());
    }

    @Test
    @Order(1)
    void every_query_answers_as_the_hand_checked_pure_queries_do() {
        for (String query : ExampleQuestions.ASKED.keySet()) {
            ExampleQuestions.assertSameAnswer(query, ask(query, ExampleQuestions.ASKED.get(query)));
        }
        // and, written out, what the farm/query tests check by hand
        assertThat(ask("herd-register").path("result").path("animals").findValuesAsText("earTag"))
                .containsExactly(ExampleFarm.FRIESIAN, JERSEY, HEREFORD_HEIFER);
        assertThat(ask("animals-at", "location", "barn:cubicle-house").path("result").path("animals")
                .findValuesAsText("earTag")).containsExactly(ExampleFarm.FRIESIAN, JERSEY);
        JsonNode summary = ask("farm-summary").path("result");
        assertThat(summary.path("cattle").path("onFarm").asInt()).isEqualTo(3);
        assertThat(summary.path("barns").path("openAlerts").asInt()).isEqualTo(1);
        assertThat(summary.path("tractors").path("dueService").asInt()).isEqualTo(1);
        JsonNode history = ask("animal-history", "earTag", JERSEY).path("result").path("events");
        assertThat(history.get(0).path("provenance").path("source").asText())
                .isEqualTo("inbox:mary/02-purchase-receipt.csv#2");
        assertThat(history.get(0).path("provenance").path("command").asText()).isEqualTo(ExampleFarm.PURCHASES + ":2");
    }

    @Test
    @Order(2)
    void a_cow_moved_is_at_her_new_place_within_the_notification_lag() {
        assertThat(ask("animals-at", "location", "field:hazel-park").path("result").path("animals")).isEmpty();

        farmhand.submit(byMary("move-jersey-out"), "RelocateAnimal",
                "{\"earTag\": \"" + JERSEY + "\", \"to\": \"field:hazel-park\", \"movedOn\": \"2026-11-27\"}");

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(ask("animals-at", "location",
                "field:hazel-park").path("result").path("animals").findValuesAsText("earTag")).containsExactly(JERSEY));
        assertThat(ask("animals-at", "location", "barn:cubicle-house").path("result").path("animals")
                .findValuesAsText("earTag")).containsExactly(ExampleFarm.FRIESIAN);
        assertThat(ask("animals-at", "location", "barn:cubicle-house", "asOf", "2026-11-26").path("result")
                .path("animals").findValuesAsText("earTag")).containsExactly(ExampleFarm.FRIESIAN, JERSEY);
    }

    @Test
    @Order(3)
    void a_sale_entered_late_changes_the_register_but_not_as_farmhub_knew_it_before() {
        JsonNode before = ask("herd-register", "asOf", "2026-11-25");
        assertThat(before.path("result").path("animals").findValuesAsText("earTag")).contains(HEREFORD_HEIFER);
        Instant beforeTheReceipt = Instant.now();

        assertThat(farmhand.submit(byMary("late-sale-0016"), "RecordSale", "{\"earTag\": \"" + HEREFORD_HEIFER
                + "\", \"soldOn\": \"2026-11-22\", \"buyer\": \"Kelly Livestock\", \"price\": {\"amount\": \"990.00\","
                + " \"currency\": \"EUR\"}}").state()).isEqualTo(CommandState.COMPLETED);

        JsonNode now = ask("herd-register", "asOf", "2026-11-25");
        assertThat(now.path("cached").asBoolean()).isFalse();
        assertThat(now.path("result").path("animals").findValuesAsText("earTag")).doesNotContain(HEREFORD_HEIFER);
        JsonNode asKnown = ask("herd-register", "asOf", "2026-11-25", "knownAt", beforeTheReceipt.toString());
        assertThat(asKnown.path("knownAt").asText()).isEqualTo(beforeTheReceipt.toString());
        assertThat(asKnown.path("result")).isEqualTo(before.path("result"));
        assertThat(ask("herd-register", "asOf", "2026-11-21").path("result").path("animals")
                .findValuesAsText("earTag")).contains(HEREFORD_HEIFER);
    }
}
