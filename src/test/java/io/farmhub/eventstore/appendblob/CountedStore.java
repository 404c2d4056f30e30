package io.farmhub.eventstore.appendblob;

import com.azure.storage.blob.BlobContainerClient;
import io.farmhub.azure.Azurite;
import io.farmhub.azure.StorageRequestCounter;

/** An append blob store on Azurite with its own client and request counter, so each instance's requests are its own. */
record CountedStore(AppendBlobEventStore store, StorageRequestCounter requests, BlobContainerClient container) {

    static CountedStore open(String containerName, int maxBlocksPerSegment) {
        StorageRequestCounter counter = new StorageRequestCounter();
        BlobContainerClient container = Azurite.get().clientBuilder().addPolicy(counter).buildClient()
                .getBlobContainerClient(containerName);
        AppendBlobEventStore store = new AppendBlobEventStore(container,
                AppendBlobProperties.defaults().withContainer(containerName).withMaxBlocksPerSegment(maxBlocksPerSegment));
        counter.reset(); // opening (create container if missing) is not what the tests measure
        return new CountedStore(store, counter, container);
    }
}
