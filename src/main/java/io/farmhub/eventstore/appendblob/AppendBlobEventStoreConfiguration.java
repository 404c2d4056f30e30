package io.farmhub.eventstore.appendblob;

import com.azure.storage.blob.BlobServiceClient;
import io.farmhub.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The azure profile's event store: append blobs in container {@code eventstreams}, created on start if missing. */
@Configuration(proxyBeanMethods = false)
@Profile("azure")
public class AppendBlobEventStoreConfiguration {

    /** Not named "eventStore": that is the health indicator's bean name (its component in /actuator/health). */
    @Bean
    public EventStore appendBlobEventStore(BlobServiceClient blobServiceClient, AppendBlobProperties properties) {
        return new AppendBlobEventStore(blobServiceClient.getBlobContainerClient(properties.container()), properties);
    }
}
