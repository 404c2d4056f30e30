package io.farmhub.intake;

import io.farmhub.azure.Azurite;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.appendblob.AppendBlobEventStore;
import io.farmhub.eventstore.appendblob.AppendBlobProperties;

/** The journal's retention on Append Blobs (Azurite), each test in a container of its own. */
class AzureSensorJournalRetentionTest extends SensorJournalRetentionContract {

    @Override
    protected EventStore newStore() {
        return new AppendBlobEventStore(Azurite.get().blobServiceClient()
                .getBlobContainerClient(Azurite.uniqueContainerName("retention")), AppendBlobProperties.defaults());
    }
}
