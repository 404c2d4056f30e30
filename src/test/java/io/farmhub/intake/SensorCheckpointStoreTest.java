package io.farmhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.messaging.eventhubs.CheckpointStore;
import com.azure.messaging.eventhubs.models.Checkpoint;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobItem;
import io.farmhub.azure.Azurite;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Event Hubs consumer's checkpoint store, built as the azure profile builds it, keeps its checkpoints in a
 * container of Azurite. (No Event Hubs emulator runs here: the consumer itself is not started against a hub.)
 */
class SensorCheckpointStoreTest {

    @Test
    void checkpoints_are_blobs_in_the_checkpoint_container_and_read_back() {
        BlobServiceClient blobs = Azurite.get().blobServiceClient();
        String container = Azurite.uniqueContainerName("sensor-checkpoints");
        CheckpointStore store = new SensorCheckpointConfiguration().sensorCheckpointStore(blobs, container);

        Checkpoint checkpoint = new Checkpoint()
                .setFullyQualifiedNamespace("farmhub.servicebus.windows.net")
                .setEventHubName("sensor-readings")
                .setConsumerGroup("$Default")
                .setPartitionId("3")
                .setSequenceNumber(41L)
                .setOffset(8_200L);
        store.updateCheckpoint(checkpoint).block(Duration.ofSeconds(30));

        List<Checkpoint> stored = store.listCheckpoints("farmhub.servicebus.windows.net", "sensor-readings",
                "$Default").collectList().block(Duration.ofSeconds(30));
        assertThat(stored).singleElement().satisfies(read -> {
            assertThat(read.getPartitionId()).isEqualTo("3");
            assertThat(read.getSequenceNumber()).isEqualTo(41L);
        });
        assertThat(blobs.getBlobContainerClient(container).listBlobs().stream().map(BlobItem::getName))
                .singleElement().asString().contains("checkpoint/3");
    }
}
