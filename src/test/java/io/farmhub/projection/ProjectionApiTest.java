package io.farmhub.projection;

import static io.farmhub.farm.query.ExampleFarmStreams.FRIESIAN;
import static io.farmhub.farm.query.ExampleFarmStreams.JERSEY;
import static io.farmhub.farm.query.ExampleFarmStreams.MASSEY;
import static io.farmhub.projection.HubUsers.AUDREY;
import static io.farmhub.projection.HubUsers.JOE;
import static io.farmhub.projection.HubUsers.MARY;
import static io.farmhub.projection.HubUsers.VIC;
import static io.farmhub.projection.HubUsers.get;
import static io.farmhub.projection.HubUsers.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import io.farmhub.notify.Notifier;
import io.farmhub.notify.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded hub end to end over real HTTP: events announced through the hub's own notifier (the in-process
 * SEDA topic) or a command through {@code POST /api/commands}, the farm-events route runs the projections, and
 * {@code /api/projections} serves them to whoever may read them; a rebuild with its progress.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectionApiTest {

    private static final Path DATA_DIR = freshDataDir();

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        registry.add("farmhub.data-dir", DATA_DIR::toString);
        HubUsers.register(registry);
        // The tests run reconciliation themselves, when they mean to: neither the run at start-up nor a firing of
        // the schedule may repair, mid-test, what a test shows unrepaired.
        registry.add("farmhub.routes.reconciliation-at-start-up",
                () -> "timer:reconciliation-at-start-up?repeatCount=1&delay=3600000");
        registry.add("farmhub.schedules.reconciliation.cron", () -> "0 0 0 1 1 ? 2099");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore store;

    @Autowired
    Notifier notifier;

    @Autowired
    org.apache.camel.CamelContext camel;

    @Autowired
    ProjectionReconciliation reconciliation;

    @org.springframework.beans.factory.annotation.Value("${farmhub.routes.notify.farm-events}")
    String farmEvents;

    @Test
    @Order(1)
    void announced_events_are_projected_and_served() {
        notifier.publish(Topic.FARM_EVENTS, StoredStory.append(store));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ResponseEntity<JsonNode> cow = get(http, "/api/projections/cow-summary/IE2201334 0007", AUDREY,
                    JsonNode.class);
            assertThat(cow.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(cow.getBody().get("version").asLong())
                    .isEqualTo(store.version(StreamId.farm("cow", FRIESIAN)));
        });
        JsonNode cow = get(http, "/api/projections/cow-summary/" + FRIESIAN, VIC, JsonNode.class).getBody();
        assertThat(cow.get("projection").asText()).isEqualTo("cow-summary");
        assertThat(cow.get("key").asText()).isEqualTo(FRIESIAN);
        assertThat(cow.at("/state/location").asText()).isEqualTo("barn:cubicle-house");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(http,
                "/api/projections/barn-summary/cubicle-house", MARY, JsonNode.class).getBody()
                .at("/state/occupancy").asInt()).isEqualTo(2));
    }

    @Test
    @Order(2)
    void a_command_over_http_moves_the_projections_within_the_notification_lag() {
        ResponseEntity<JsonNode> accepted = post(http, "/api/commands", MARY, """
                {"commandType": "RelocateAnimal", "commandId": "move-jersey-to-hazel-park",
                 "payload": {"earTag": "IE22013340008", "to": "field:hazel-park", "movedOn": "2026-11-27"}}""",
                JsonNode.class);
        assertThat(accepted.getStatusCode().is2xxSuccessful()).as("%s", accepted.getBody()).isTrue();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(http,
                "/api/projections/cow-summary/" + JERSEY, MARY, JsonNode.class).getBody().at("/state/location")
                .asText()).isEqualTo("field:hazel-park"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(http,
                "/api/projections/barn-summary/cubicle-house", MARY, JsonNode.class).getBody()
                .at("/state/occupants").toString()).isEqualTo("[\"" + FRIESIAN + "\"]"));
    }

    @Test
    @Order(3)
    void unknown_projections_and_keys_are_404_problems_bad_keys_400_and_reads_follow_the_role_table() {
        ResponseEntity<JsonNode> unknown = get(http, "/api/projections/cow-summery/" + FRIESIAN, MARY, JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(unknown.getBody().get("detail").asText()).contains("cow-summery", "cow-summary");

        ResponseEntity<JsonNode> none = get(http, "/api/projections/cow-summary/IE99999990001", MARY, JsonNode.class);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(none.getBody().get("code").asText()).isEqualTo("NOT_FOUND");

        ResponseEntity<JsonNode> bad = get(http, "/api/projections/tractor-summary/not a chassis", MARY, JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("field").asText()).isEqualTo("key");

        assertThat(http.getForEntity("/api/projections/cow-summary/" + FRIESIAN, JsonNode.class).getStatusCode())
                .as("no key").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(http, "/api/projections/tractor-summary/" + MASSEY, VIC, JsonNode.class).getStatusCode())
                .as("a vet reads cows only").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(http, "/api/projections/cow-summary/" + FRIESIAN, JOE, JsonNode.class).getStatusCode())
                .as("a contractor reads nothing").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(http, "/api/projections/tractor-summary/" + MASSEY, AUDREY, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    @Order(4)
    void a_rebuild_over_http_switches_to_a_generation_equal_to_the_notified_one() {
        JsonNode before = get(http, "/api/projections/cow-summary/" + JERSEY, MARY, JsonNode.class).getBody();
        assertThat(post(http, "/api/projections/cow-summary/rebuild", AUDREY, null, JsonNode.class).getStatusCode())
                .as("an auditor reads, and rebuilds nothing").isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> started = post(http, "/api/projections/cow-summary/rebuild", MARY, null,
                JsonNode.class);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getHeaders().getLocation()).hasToString("/api/projections/cow-summary/rebuild");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(http,
                "/api/projections/cow-summary/rebuild", MARY, JsonNode.class).getBody().get("state").asText())
                .isEqualTo("SWITCHED"));
        JsonNode progress = get(http, "/api/projections/cow-summary/rebuild", AUDREY, JsonNode.class).getBody();
        long cowEvents = store.list("farm", "cow").stream().mapToLong(s -> s.version()).sum();
        assertThat(progress.get("done").asLong()).isEqualTo(cowEvents);
        assertThat(progress.get("total").asLong()).isEqualTo(cowEvents);
        assertThat(progress.get("generation").asInt()).isEqualTo(started.getBody().get("generation").asInt());
        assertThat(get(http, "/api/projections/cow-summary/" + JERSEY, MARY, JsonNode.class).getBody())
                .isEqualTo(before);

        assertThat(get(http, "/api/projections/field-summary/rebuild", MARY, JsonNode.class).getStatusCode())
                .as("never rebuilt").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @Order(5)
    void a_stalled_consumer_never_holds_up_appends_and_reconciliation_repairs_what_it_dropped() throws Exception {
        camel.getRouteController().suspendRoute("farm-events"); // the projections stop taking notifications
        try {
            StreamId calf = StreamId.farm("cow", "IE44444440001");
            java.util.List<io.farmhub.notify.Notification> hints = new java.util.ArrayList<>();
            hints.add(StoredStory.append(store, calf, "AnimalPurchased", "2026-11-27", io.farmhub.core.Json.MAPPER
                    .readTree("""
                            {"earTag": "IE44444440001", "herdNumber": "H778812", "sex": "F", "breed": "Jersey",
                             "bornOn": "2026-03-01", "purchasedOn": "2026-11-27", "seller": "Doyle Mart",
                             "price": {"amount": "600.00", "currency": "EUR"}, "location": "barn:calf-shed"}""")));
            // As the purchase decides it: her place in the barn on the barn's own stream.
            hints.add(StoredStory.append(store, StreamId.farm("barn", "calf-shed"), "AnimalHoused", "2026-11-27",
                    io.farmhub.core.Json.MAPPER.readTree("""
                            {"barnCode": "calf-shed", "earTag": "IE44444440001", "housedOn": "2026-11-27"}""")));
            // More messages than the queue holds: the rest is dropped, never waited for.
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                for (int i = 0; i < 15_000; i++) {
                    notifier.publish(Topic.FARM_EVENTS, java.util.List.of(hints.get(0)));
                }
            });

            ResponseEntity<JsonNode> move = post(http, "/api/commands", MARY, """
                    {"commandType": "RelocateAnimal", "commandId": "move-friesian-while-stalled",
                     "payload": {"earTag": "IE22013340007", "to": "field:hazel-park", "movedOn": "2026-11-27"}}""",
                    JsonNode.class);
            assertThat(move.getStatusCode().is2xxSuccessful()).as("%s", move.getBody()).isTrue();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(http,
                    "/api/commands/move-friesian-while-stalled", MARY, JsonNode.class).getBody().get("state").asText())
                    .as("the append and the whole command go on").isEqualTo("COMPLETED"));
            assertThat(get(http, "/api/projections/cow-summary/" + FRIESIAN, MARY, JsonNode.class).getBody()
                    .at("/state/location").asText()).as("not projected yet").isEqualTo("barn:cubicle-house");
        } finally {
            camel.getRouteController().resumeRoute("farm-events");
        }
        org.apache.camel.component.seda.SedaEndpoint queue = camel.getEndpoint(farmEvents,
                org.apache.camel.component.seda.SedaEndpoint.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> queue.getCurrentQueueSize() == 0);
        assertThat(get(http, "/api/projections/cow-summary/" + FRIESIAN, MARY, JsonNode.class).getBody()
                .at("/state/location").asText()).as("its notification found the queue full").isEqualTo("barn:cubicle-house");

        reconciliation.reconcile(); // what the schedule does: whatever the full queue dropped is caught up
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(http,
                "/api/projections/cow-summary/" + FRIESIAN, MARY, JsonNode.class).getBody().at("/state/location")
                .asText()).isEqualTo("field:hazel-park"));
        assertThat(get(http, "/api/projections/barn-summary/calf-shed", MARY, JsonNode.class).getBody()
                .at("/state/occupants").toString()).isEqualTo("[\"IE44444440001\"]");
    }

    private static Path freshDataDir() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "projections-").resolve("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
