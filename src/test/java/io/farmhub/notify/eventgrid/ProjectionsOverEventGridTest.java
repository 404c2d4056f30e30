package io.farmhub.notify.eventgrid;

import static io.farmhub.farm.query.ExampleFarmStreams.FRIESIAN;
import static io.farmhub.farm.query.ExampleFarmStreams.JERSEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azure.core.http.HttpClient;
import com.azure.storage.blob.BlobServiceClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.azure.Azurite;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import io.farmhub.notify.Notifier;
import io.farmhub.notify.Topic;
import io.farmhub.projection.HubUsers;
import io.farmhub.projection.StoredStory;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole hub on the azure profile (Azurite) with local HTTPS endpoints playing Event Grid: appends announced
 * through Event Grid come back through the webhook, the projections cache them as blobs, and their changes go
 * out on the farm-projections topic; a command over HTTP moves the projections the same way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("azure")
class ProjectionsOverEventGridTest {

    static final String SECRET = "projections-s3cret";
    static final String KEY = "projections-topic-key";
    static final LocalEventGridTopic FARM_EVENTS = LocalEventGridTopic.start(KEY);
    static final LocalEventGridTopic FARM_PROJECTIONS = LocalEventGridTopic.start(KEY);
    static final String SNAPSHOTS = Azurite.uniqueContainerName("snapshots");

    @TestConfiguration(proxyBeanMethods = false)
    static class TrustTheTestCertificate {
        @Bean("eventGridHttpClient")
        HttpClient eventGridHttpClient() {
            return TestCertificate.get().azureHttpClient();
        }
    }

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        Azurite.register(registry);
        HubUsers.register(registry);
        registry.add("farmhub.data-dir", () -> "target/test-data/projections-over-eventgrid");
        registry.add("farmhub.eventstore.appendblob.container", () -> Azurite.uniqueContainerName("events"));
        registry.add("farmhub.projections.container", () -> SNAPSHOTS);
        registry.add("farmhub.notify.webhook.secret", () -> SECRET);
        registry.add("farmhub.notify.eventgrid.topics.farm-events.endpoint", FARM_EVENTS::endpoint);
        registry.add("farmhub.notify.eventgrid.topics.farm-events.key", () -> KEY);
        registry.add("farmhub.notify.eventgrid.topics.farm-projections.endpoint", FARM_PROJECTIONS::endpoint);
        registry.add("farmhub.notify.eventgrid.topics.farm-projections.key", () -> KEY);
    }

    @AfterAll
    static void stopTopics() {
        FARM_EVENTS.close();
        FARM_PROJECTIONS.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore store;
    @Autowired
    Notifier notifier;
    @Autowired
    BlobServiceClient blobs;

    @Test
    void events_through_event_grid_are_projected_into_blobs_and_their_changes_announced() {
        EventGridSubscription.create(FARM_EVENTS, webhook("farm-events"));
        EventGridSubscription.create(FARM_PROJECTIONS, webhook("farm-projections"));

        notifier.publish(Topic.FARM_EVENTS, StoredStory.append(store));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ResponseEntity<JsonNode> cow = HubUsers.get(http, "/api/projections/cow-summary/" + FRIESIAN,
                    HubUsers.AUDREY, JsonNode.class);
            assertThat(cow.getBody().path("version").asLong()).isEqualTo(store.version(StreamId.farm("cow", FRIESIAN)));
        });
        assertThat(blobs.getBlobContainerClient(SNAPSHOTS).getBlobClient("cow-summary/0/" + FRIESIAN).exists()).isTrue();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(FARM_PROJECTIONS.requests())
                .flatExtracting(r -> r.json().findValuesAsText("subject"))
                .contains("cow-summary/" + FRIESIAN, "at-location(barn:cubicle-house)/" + FRIESIAN,
                        "barn-summary/cubicle-house"));

        ResponseEntity<JsonNode> move = HubUsers.post(http, "/api/commands", HubUsers.MARY, """
                {"commandType": "RelocateAnimal", "commandId": "move-jersey-over-event-grid",
                 "payload": {"earTag": "IE22013340008", "to": "field:hazel-park", "movedOn": "2026-11-27"}}""",
                JsonNode.class);
        assertThat(move.getStatusCode().is2xxSuccessful()).as("%s", move.getBody()).isTrue();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(HubUsers.get(http,
                "/api/projections/cow-summary/" + JERSEY, HubUsers.MARY, JsonNode.class).getBody()
                .at("/state/location").asText()).isEqualTo("field:hazel-park"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(HubUsers.get(http,
                "/api/projections/barn-summary/cubicle-house", HubUsers.MARY, JsonNode.class).getBody()
                .at("/state/occupancy").asInt()).isEqualTo(1));
    }

    private URI webhook(String topic) {
        return URI.create("http://127.0.0.1:" + port + "/api/eventgrid/" + topic + "?code=" + SECRET);
    }
}
