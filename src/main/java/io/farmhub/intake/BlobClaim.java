package io.farmhub.intake;

import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlobInputStreamOptions;
import com.azure.storage.blob.specialized.BlobLeaseClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A document in the blob inbox, held by a blob lease. The lease is finite (so a hub that dies lets go of it) and
 * renewed while the document is processed; every read and the final delete carry the lease id, so they fail
 * rather than act on a document another hub has taken over.
 */
final class BlobClaim implements InboxClaim {

    private static final Logger log = LoggerFactory.getLogger(BlobClaim.class);

    private final String document;
    private final BlobClient blob;
    private final BlobLeaseClient lease;
    private final BlobRequestConditions held;
    private final DocumentContent content;
    private final ScheduledFuture<?> renewal;
    private volatile boolean removed;

    BlobClaim(String document, BlobClient blob, BlobLeaseClient lease, String leaseId, long maxBytes,
            ScheduledExecutorService renewals, long leaseSeconds) {
        this.document = document;
        this.blob = blob;
        this.lease = lease;
        this.held = new BlobRequestConditions().setLeaseId(leaseId);
        long period = Math.max(1, leaseSeconds / 3);
        this.renewal = renewals.scheduleAtFixedRate(this::renew, period, period, TimeUnit.SECONDS);
        try {
            long size = blob.getProperties().getBlobSize();
            // A document the reader will read is fetched once; one it will refuse unread is only ever streamed.
            this.content = size <= maxBytes ? DocumentContent.of(download()) : streamed(size);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public String document() {
        return document;
    }

    @Override
    public DocumentContent content() {
        return content;
    }

    @Override
    public void remove() {
        blob.deleteWithResponse(null, held, null, Context.NONE);
        removed = true;
    }

    @Override
    public void close() {
        renewal.cancel(false);
        if (!removed) {
            try {
                lease.releaseLease();
            } catch (BlobStorageException e) {
                // Expired or taken over: either way it is no longer ours to give back.
                log.debug("inbox {}: lease already gone ({})", document, e.getErrorCode());
            }
        }
    }

    private void renew() {
        try {
            lease.renewLease();
        } catch (RuntimeException e) {
            log.warn("inbox {}: the lease could not be renewed ({}); another hub may take the document over",
                    document, e.getMessage());
        }
    }

    private byte[] download() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        blob.downloadStreamWithResponse(bytes, null, null, held, false, null, Context.NONE);
        return bytes.toByteArray();
    }

    private DocumentContent streamed(long size) {
        return new DocumentContent() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open() throws IOException {
                return blob.openInputStream(new BlobInputStreamOptions().setRequestConditions(held), Context.NONE);
            }
        };
    }
}
