package io.farmhub.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobServiceClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.Json;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.appendblob.AppendBlobEventStore;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole hub started with the azure profile against Azurite, as an operator would run it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("azure")
class AzureProfileTest {

    @DynamicPropertySource
    static void azurite(DynamicPropertyRegistry registry) {
        Azurite.register(registry);
        registry.add("farmhub.data-dir", () -> "target/test-data/azure-profile");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore store;
    @Autowired
    BlobServiceClient blobs;
    @Autowired
    StorageRequestCounter requests;

    @Test
    void health_is_up_with_the_event_store_component() throws Exception {
        ResponseEntity<String> response = http.getForEntity("/actuator/health", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode health = Json.MAPPER.readTree(response.getBody());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("eventStore").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void the_event_store_is_append_blobs_in_container_eventstreams_and_its_requests_are_counted() {
        assertThat(store).isInstanceOf(AppendBlobEventStore.class);
        assertThat(blobs.getBlobContainerClient("eventstreams").exists()).isTrue();
        StreamId stream = StreamId.farm("cow", "IE" + (UUID.randomUUID().getMostSignificantBits() & 0xFFFFFFFFL));
        String commandId = "cmd-" + UUID.randomUUID();
        NewEvent event = new NewEvent(UUID.randomUUID().toString(), "AnimalRelocated", 1, "2026-11-20", commandId,
                commandId, "mary", "api:mary", null, Json.MAPPER.createObjectNode().put("to", "field:north-meadow"));

        requests.reset();
        assertThat(store.append(stream, 0, List.of(event))).isInstanceOf(AppendResult.Appended.class);

        assertThat(requests.count("PUT")).isEqualTo(2);
        assertThat(blobs.getBlobContainerClient("eventstreams").getBlobClient(stream + ".events").exists()).isTrue();
    }
}
