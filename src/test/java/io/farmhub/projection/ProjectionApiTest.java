package io.farmhub.projection;

import static io.farmhub.farm.query.ExampleFarmStreams.FRIESIAN;
import static io.farmhub.farm.query.ExampleFarmStreams.JERSEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import io.farmhub.notify.Notification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded hub end to end: events stored, {@code farm.event-appended} sent to the in-process topic, the
 * route runs the projections, and the states are served over real HTTP; a rebuild over HTTP with its progress.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectionApiTest {

    private static final Path DATA_DIR = freshDataDir();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("farmhub.data-dir", DATA_DIR::toString);
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore store;

    @Autowired
    ProducerTemplate producer;

    @Value("${farmhub.routes.notify.farm-events:seda:farm-events}")
    String farmEvents;

    static List<Notification> raised;

    @Test
    @Order(1)
    void a_notified_event_is_served_by_the_projection_api() {
        raised = StoredStory.append(store);
        raised.forEach(n -> producer.sendBody(farmEvents, n));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ResponseEntity<JsonNode> cow = http.getForEntity("/api/projections/cow-summary/IE2201334 0007",
                    JsonNode.class);
            assertThat(cow.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(cow.getBody().get("version").asLong())
                    .isEqualTo(store.version(StreamId.farm("cow", FRIESIAN)));
        });
        JsonNode cow = http.getForObject("/api/projections/cow-summary/" + FRIESIAN, JsonNode.class);
        assertThat(cow.get("projection").asText()).isEqualTo("cow-summary");
        assertThat(cow.get("key").asText()).isEqualTo(FRIESIAN);
        assertThat(cow.at("/state/location").asText()).isEqualTo("barn:cubicle-house");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                http.getForObject("/api/projections/barn-summary/cubicle-house", JsonNode.class)
                        .at("/state/occupancy").asInt()).isEqualTo(2));
    }

    @Test
    @Order(2)
    void unknown_projections_and_keys_are_404_problems_and_bad_keys_400() {
        ResponseEntity<JsonNode> unknown = http.getForEntity("/api/projections/cow-summery/" + FRIESIAN, JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(unknown.getBody().get("detail").asText()).contains("cow-summery", "cow-summary");

        ResponseEntity<JsonNode> none = http.getForEntity("/api/projections/cow-summary/IE99999990001", JsonNode.class);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(none.getBody().get("code").asText()).isEqualTo("NOT_FOUND");

        ResponseEntity<JsonNode> bad = http.getForEntity("/api/projections/tractor-summary/not a chassis", JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("field").asText()).isEqualTo("key");
    }

    @Test
    @Order(3)
    void a_rebuild_over_http_switches_to_a_generation_equal_to_the_notified_one() {
        JsonNode before = http.getForObject("/api/projections/cow-summary/" + JERSEY, JsonNode.class);

        ResponseEntity<JsonNode> started = http.postForEntity("/api/projections/cow-summary/rebuild", null,
                JsonNode.class);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getHeaders().getLocation()).hasToString("/api/projections/cow-summary/rebuild");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                http.getForObject("/api/projections/cow-summary/rebuild", JsonNode.class).get("state").asText())
                .isEqualTo("SWITCHED"));
        JsonNode progress = http.getForObject("/api/projections/cow-summary/rebuild", JsonNode.class);
        long cowEvents = store.list("farm", "cow").stream().mapToLong(s -> s.version()).sum();
        assertThat(progress.get("done").asLong()).isEqualTo(cowEvents);
        assertThat(progress.get("total").asLong()).isEqualTo(cowEvents);
        assertThat(progress.get("generation").asInt()).isEqualTo(started.getBody().get("generation").asInt());
        assertThat(http.getForObject("/api/projections/cow-summary/" + JERSEY, JsonNode.class)).isEqualTo(before);

        assertThat(http.getForEntity("/api/projections/field-summary/rebuild", JsonNode.class).getStatusCode())
                .as("never rebuilt").isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static Path freshDataDir() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "projections-").resolve("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
