package io.farmhub.projection;

import static io.farmhub.farm.query.ExampleFarmStreams.FRIESIAN;
import static io.farmhub.farm.query.ExampleFarmStreams.JERSEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azure.storage.blob.BlobServiceClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.azure.Azurite;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The azure profile on Azurite: notifications arriving on the farm-events route (where the Event Grid webhook
 * delivers them) project into blob container {@code projection-snapshots}, one blob per instance with its
 * version as metadata and its classifier facets as index tags, served over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("azure")
class AzureProjectionsTest {

    private static final String EVENTS = Azurite.uniqueContainerName("events");
    private static final String SNAPSHOTS = Azurite.uniqueContainerName("snapshots");

    @DynamicPropertySource
    static void azurite(DynamicPropertyRegistry registry) {
        Azurite.register(registry);
        registry.add("farmhub.data-dir", () -> "target/test-data/azure-projections");
        registry.add("farmhub.eventstore.appendblob.container", () -> EVENTS);
        registry.add("farmhub.projections.container", () -> SNAPSHOTS);
        HubUsers.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore store;
    @Autowired
    BlobServiceClient blobs;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    MembershipIndex index;

    @Value("${farmhub.routes.notify.farm-events:seda:farm-events}")
    String farmEvents;

    @Test
    void projections_are_cached_in_blobs_with_their_facets_as_index_tags() {
        assertThat(store.kind()).isEqualTo("appendblob");
        producer.sendBody(farmEvents, StoredStory.append(store)); // one message, as the notifier sends a batch

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var cow = HubUsers.get(http, "/api/projections/cow-summary/" + FRIESIAN, HubUsers.AUDREY, JsonNode.class);
            assertThat(cow.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(cow.getBody().get("version").asLong()).isEqualTo(store.version(StreamId.farm("cow", FRIESIAN)));
        });
        var blob = blobs.getBlobContainerClient(SNAPSHOTS).getBlobClient("cow-summary/0/" + FRIESIAN);
        assertThat(blob.getProperties().getMetadata()).containsEntry("version",
                Long.toString(store.version(StreamId.farm("cow", FRIESIAN))));
        assertThat(blob.getTags()).containsAllEntriesOf(Map.of("projection", "cow-summary", "generation", "0",
                "on-farm", "yes", "location", "barn:cubicle-house"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                index.members("at-location", "barn:cubicle-house")).extracting(StreamId::key)
                .containsExactly(FRIESIAN, JERSEY));
    }
}
