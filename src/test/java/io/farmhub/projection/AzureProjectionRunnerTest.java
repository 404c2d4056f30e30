package io.farmhub.projection;

import io.farmhub.azure.Azurite;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.appendblob.AppendBlobEventStore;
import io.farmhub.eventstore.appendblob.AppendBlobProperties;

/**
 * The runner on the azure backend, on Azurite: events in append blobs, states in block blobs with ETag
 * conditions and index tags (the classifier facets).
 */
class AzureProjectionRunnerTest extends ProjectionRunnerContract {

    @Override
    protected EventStore newEventStore() {
        return new AppendBlobEventStore(Azurite.get().blobServiceClient()
                .getBlobContainerClient(Azurite.uniqueContainerName("events")), AppendBlobProperties.defaults());
    }

    @Override
    protected SnapshotStore newSnapshotStore() {
        return new BlobSnapshotStore(Azurite.get().blobServiceClient()
                .getBlobContainerClient(Azurite.uniqueContainerName("snapshots")));
    }
}
