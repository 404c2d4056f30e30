package io.farmhub.eventstore.appendblob;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import io.farmhub.azure.Azurite;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.EventStoreContract;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The append blob store against the shared contract, on Azurite. Segments are 4 blocks long here, so the
 * contract's rollover test (25 batches) crosses six segment boundaries.
 */
class AppendBlobEventStoreTest extends EventStoreContract {

    private static final int BLOCKS_PER_SEGMENT = 4;
    private static BlobContainerClient container;

    @BeforeAll
    static void container() {
        container = Azurite.get().blobServiceClient().getBlobContainerClient(Azurite.uniqueContainerName("contract"));
    }

    @Override
    protected EventStore newStore() {
        return anotherStoreOnSameStorage();
    }

    @Override
    protected EventStore anotherStoreOnSameStorage() {
        return new AppendBlobEventStore(container,
                AppendBlobProperties.defaults().withMaxBlocksPerSegment(BLOCKS_PER_SEGMENT));
    }

    /** No write spans two blobs: the store says so, and the pipeline appends stream by stream. */
    @Test
    void declares_itself_not_atomic_across_streams() {
        assertThat(store.atomicAcrossStreams()).isFalse();
    }

    /** Every segment blob is gone, not only the first: nothing of the stream is left in the container. */
    @Override
    protected void deletedWhole(StreamId stream) {
        assertThat(container.listBlobs(new ListBlobsOptions().setPrefix(stream + ".events"), null).stream().toList())
                .isEmpty();
    }

    @Override
    protected void segmentRollover(StreamId stream) {
        List<BlobItem> segments = container.listBlobs(new ListBlobsOptions().setPrefix(stream + ".events"), null)
                .stream().toList();
        int expected = (segmentRolloverBatches() + BLOCKS_PER_SEGMENT - 1) / BLOCKS_PER_SEGMENT;
        assertThat(segments).extracting(BlobItem::getName).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, expected)
                        .mapToObj(n -> new SegmentBlob(stream, n).blobName()).toList());
        assertThat(segments).filteredOn(b -> Boolean.TRUE.equals(b.getProperties().isSealed()))
                .hasSize(expected - 1);
    }
}
