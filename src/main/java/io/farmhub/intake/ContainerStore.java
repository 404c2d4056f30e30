package io.farmhub.intake;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * A {@link DocumentStore} over a blob container (azure profile). A block blob becomes visible only when its upload
 * commits, so readers never see half a document; {@link #create} sends {@code If-None-Match: *}, so of two hubs
 * writing the same key exactly one wins.
 */
public final class ContainerStore implements DocumentStore {

    private final BlobContainerClient container;

    public ContainerStore(BlobContainerClient container) {
        this.container = container;
    }

    public BlobContainerClient container() {
        return container;
    }

    @Override
    public String describe() {
        return "container " + container.getBlobContainerName();
    }

    @Override
    public boolean exists(String key) {
        return container.getBlobClient(key).exists();
    }

    @Override
    public boolean create(String key, DocumentContent content) throws IOException {
        try {
            upload(key, content, new BlobRequestConditions().setIfNoneMatch("*"));
            return true;
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 409 || e.getStatusCode() == 412
                    || BlobErrorCode.BLOB_ALREADY_EXISTS.equals(e.getErrorCode())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void put(String key, DocumentContent content) throws IOException {
        upload(key, content, null);
    }

    @Override
    public Optional<byte[]> read(String key) {
        BlobClient blob = container.getBlobClient(key);
        try {
            return Optional.of(blob.downloadContent().toBytes());
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void upload(String key, DocumentContent content, BlobRequestConditions conditions) throws IOException {
        try (InputStream in = content.open()) {
            BlobParallelUploadOptions options = new BlobParallelUploadOptions(BinaryData.fromStream(in, content.size()))
                    .setRequestConditions(conditions);
            container.getBlobClient(key).uploadWithResponse(options, null, Context.NONE);
        }
    }
}
