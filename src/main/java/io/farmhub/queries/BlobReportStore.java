package io.farmhub.queries;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.options.BlobParallelUploadOptions;

/** Reports as block blobs in one container; an upload replaces a blob whole. */
public final class BlobReportStore implements ReportStore {

    private final BlobContainerClient container;

    public BlobReportStore(BlobContainerClient container) {
        this.container = container;
        container.createIfNotExists();
    }

    @Override
    public String write(String key, byte[] content) {
        var blob = container.getBlobClient(key);
        blob.uploadWithResponse(new BlobParallelUploadOptions(BinaryData.fromBytes(content))
                .setHeaders(new BlobHttpHeaders().setContentType(contentType(key))), null, null);
        return blob.getBlobUrl();
    }

    @Override
    public String describe() {
        return "container " + container.getBlobContainerName();
    }

    private static String contentType(String key) {
        return key.endsWith(".json") ? "application/json" : key.endsWith(".csv") ? "text/csv" : "application/octet-stream";
    }
}
