package io.farmhub.bench;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import io.farmhub.azure.Azurite;
import io.farmhub.azure.StorageRequestCounter;
import io.farmhub.core.Json;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.appendblob.AppendBlobEventStore;
import io.farmhub.eventstore.appendblob.AppendBlobProperties;
import java.nio.charset.StandardCharsets;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * appendblob.requests-per-append against Azurite: storage requests per steady-state append of our store,
 * beside the same appends through the Camel blob producer's commitAppendBlob. Requests are what Azure bills
 * and throttles (20,000 per second per account), so fewer is better.
 */
final class AppendBlobBench {

    private static final int STREAMS = 10;
    private static final int APPENDS = 200;

    private AppendBlobBench() {
    }

    static void run(Report report) throws Exception {
        StorageRequestCounter counter = new StorageRequestCounter();
        BlobServiceClient service = Azurite.get().clientBuilder().addPolicy(counter).buildClient();

        Figure camel = report.add(Figure.of("appendblob.camel-commitAppendBlob", camelRequestsPerAppend(service, counter),
                "requests/append", "baseline: Camel azure-storage-blob producer, operation=commitAppendBlob"));

        BlobContainerClient container = service.getBlobContainerClient(Azurite.uniqueContainerName("bench"));
        container.createIfNotExists();
        AppendBlobEventStore store = new AppendBlobEventStore(container, AppendBlobProperties.defaults());
        long[] versions = new long[STREAMS];
        for (int s = 0; s < STREAMS; s++) { // warm: the store has seen every stream
            append(store, s, versions);
        }
        counter.reset();
        for (int i = 0; i < APPENDS; i++) {
            append(store, i % STREAMS, versions);
        }
        double ours = (double) counter.total() / APPENDS;
        report.add(Figure.against("appendblob.requests-per-append", ours, "requests/append", camel,
                "1.0 in steady state"));
    }

    private static void append(AppendBlobEventStore store, int s, long[] versions) {
        StreamId stream = Workloads.cow(s);
        AppendResult result = store.append(stream, versions[s], Workloads.one(stream, versions[s]));
        if (!(result instanceof AppendResult.Appended)) {
            throw new IllegalStateException("benchmark append did not go through: " + result);
        }
        versions[s]++;
    }

    private static double camelRequestsPerAppend(BlobServiceClient service, StorageRequestCounter counter)
            throws Exception {
        String containerName = Azurite.uniqueContainerName("benchcamel");
        service.getBlobContainerClient(containerName).createIfNotExists();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("benchBlobClient", service);
            camel.start();
            ProducerTemplate producer = camel.createProducerTemplate();
            byte[][] lines = new byte[APPENDS][];
            for (int i = 0; i < APPENDS; i++) {
                StreamId stream = Workloads.cow(i % STREAMS);
                lines[i] = (Json.MAPPER.writeValueAsString(Workloads.event(stream, i)) + "\n")
                        .getBytes(StandardCharsets.UTF_8);
            }
            for (int s = 0; s < STREAMS; s++) { // warm: every blob exists, as for our store
                producer.sendBody(uri(containerName, s), lines[s]);
            }
            counter.reset();
            for (int i = 0; i < APPENDS; i++) {
                producer.sendBody(uri(containerName, i % STREAMS), lines[i]);
            }
            return (double) counter.total() / APPENDS;
        }
    }

    private static String uri(String container, int s) {
        return "azure-storage-blob://" + Azurite.ACCOUNT + "/" + container + "?operation=commitAppendBlob"
                + "&serviceClient=#benchBlobClient&blobName=farm/cow/" + Workloads.cow(s).key() + ".events";
    }
}
