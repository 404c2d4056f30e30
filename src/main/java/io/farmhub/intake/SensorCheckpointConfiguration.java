package io.farmhub.intake;

import com.azure.messaging.eventhubs.CheckpointStore;
import com.azure.messaging.eventhubs.checkpointstore.blob.BlobCheckpointStore;
import com.azure.storage.blob.BlobContainerAsyncClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.BlobServiceClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The Event Hubs consumer's checkpoints and partition ownership, in the container {@code sensor-checkpoints} of the
 * hub's own storage account. The store is built over the {@code blobServiceClient} bean's pipeline (its credential,
 * its request counting), so it works unchanged against Azurite and with managed identity.
 */
@Configuration(proxyBeanMethods = false)
@Profile("azure")
public class SensorCheckpointConfiguration {

    @Bean
    public CheckpointStore sensorCheckpointStore(BlobServiceClient blobs,
            @Value("${farmhub.sensors.eventhubs.checkpoint-container:sensor-checkpoints}") String container) {
        blobs.getBlobContainerClient(container).createIfNotExists();
        BlobContainerAsyncClient checkpoints = new BlobContainerClientBuilder()
                .endpoint(blobs.getAccountUrl())
                .containerName(container)
                .pipeline(blobs.getHttpPipeline())
                .serviceVersion(blobs.getServiceVersion())
                .buildAsyncClient();
        return new BlobCheckpointStore(checkpoints);
    }
}
