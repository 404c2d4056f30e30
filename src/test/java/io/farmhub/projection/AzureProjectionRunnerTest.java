package io.farmhub.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.azure.Azurite;
import io.farmhub.azure.StorageRequestCounter;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.appendblob.AppendBlobEventStore;
import io.farmhub.eventstore.appendblob.AppendBlobProperties;
import org.junit.jupiter.api.Test;

/**
 * The runner on the azure backend, on Azurite: events in append blobs, states in block blobs with ETag
 * conditions and index tags (the classifier facets). Every storage request is counted.
 */
class AzureProjectionRunnerTest extends ProjectionRunnerContract {

    private final StorageRequestCounter eventRequests = new StorageRequestCounter();
    private final StorageRequestCounter snapshotRequests = new StorageRequestCounter();

    @Override
    protected EventStore newEventStore() {
        return new AppendBlobEventStore(Azurite.get().clientBuilder().addPolicy(eventRequests).buildClient()
                .getBlobContainerClient(Azurite.uniqueContainerName("events")), AppendBlobProperties.defaults());
    }

    @Override
    protected SnapshotStore newSnapshotStore() {
        return new BlobSnapshotStore(Azurite.get().clientBuilder().addPolicy(snapshotRequests).buildClient()
                .getBlobContainerClient(Azurite.uniqueContainerName("snapshots")));
    }

    @Test
    void reconciliation_with_nothing_behind_costs_one_listing_per_aggregate_and_per_cached_projection() {
        StoredStory.append(events).forEach(runner::onNotification);
        FarmProjections.names().forEach(snapshots::currentGeneration); // pointers are remembered for a few seconds
        eventRequests.reset();
        snapshotRequests.reset();

        ProjectionReconciliation.Result result = new ProjectionReconciliation(runner).reconcile();

        assertThat(result.caughtUp()).isZero();
        assertThat(eventRequests.snapshot()).as("cow, field, barn, tractor: listed, no stream read")
                .containsExactly(java.util.Map.entry("GET", 4L));
        assertThat(snapshotRequests.count("PUT")).isZero();
        assertThat(snapshotRequests.count("GET")).as("one listing per projection (barn-summary has no cow feed);"
                + " no state read").isEqualTo(FarmProjections.names().size()).isEqualTo(5);
    }
}
