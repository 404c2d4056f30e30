package io.farmhub.intake;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.specialized.BlobLeaseClient;
import com.azure.storage.blob.specialized.BlobLeaseClientBuilder;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.azure.storage.blob.BlobConstants;
import org.apache.camel.component.azure.storage.blob.BlobEndpoint;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.FileEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Claims the document an inbox consumer found, whichever consumer it was: a file in the inbox folder, or a blob in
 * the inbox container. Camel 4.17's blob consumer lists the whole container on every poll and coordinates nothing,
 * so with several hubs on one container each blob is claimed with a blob lease first; a hub that cannot get the
 * lease (another holds it, or the blob is already gone) skips the blob.
 */
@Component
public class InboxClaims implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InboxClaims.class);

    private final long maxBytes;
    private final int leaseSeconds;
    private final Duration settle;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "inbox-lease-renewal");
        thread.setDaemon(true);
        return thread;
    });

    public InboxClaims(InboxReader reader, @Value("${farmhub.inbox.lease-seconds:60}") int leaseSeconds,
            @Value("${farmhub.inbox.settle:1000}") long settleMillis) {
        if (leaseSeconds < 15 || leaseSeconds > 60) {
            throw new IllegalArgumentException("farmhub.inbox.lease-seconds must be from 15 to 60 (a blob lease's"
                    + " limits), not " + leaseSeconds);
        }
        this.maxBytes = reader.maxBytes();
        this.leaseSeconds = leaseSeconds;
        this.settle = Duration.ofMillis(settleMillis);
    }

    /** The claimed document, or null when another hub has it or it is gone. */
    public InboxClaim claim(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        if (exchange.getFromEndpoint() instanceof FileEndpoint endpoint) {
            return folderClaim(endpoint, message.getBody(GenericFile.class));
        }
        if (exchange.getFromEndpoint() instanceof BlobEndpoint endpoint) {
            // The consumer opened a stream on every blob it listed; this one is read again under the lease.
            if (message.getBody() instanceof Closeable opened) {
                opened.close();
            }
            String name = message.getHeader(BlobConstants.BLOB_NAME, String.class);
            return lease(name, DocumentStores.container(endpoint).getBlobClient(name));
        }
        throw new IllegalStateException("the inbox route is fed by " + exchange.getFromEndpoint()
                + ", which is neither a folder (file:) nor a blob container (azure-storage-blob:)");
    }

    /**
     * The file as it is on disk. Camel's own paths for it are normalised (a {@code \} becomes a folder separator),
     * so the file is taken from the listing itself, and its path below the inbox is worked out from that. A file
     * changed less than {@code farmhub.inbox.settle} ago is still being written: it is left for a later poll.
     */
    private InboxClaim folderClaim(FileEndpoint endpoint, GenericFile<?> listed) throws IOException {
        File file = (File) listed.getFile();
        if (System.currentTimeMillis() - file.lastModified() < settle.toMillis()) {
            return null;
        }
        Path root = endpoint.getFile().toPath().toAbsolutePath().normalize();
        String relative = root.relativize(file.toPath().toAbsolutePath()).toString();
        return new FolderClaim(relative.replace(File.separatorChar, '/'), file.toPath());
    }

    InboxClaim lease(String name, BlobClient blob) {
        BlobLeaseClient lease = new BlobLeaseClientBuilder().blobClient(blob).buildClient();
        String leaseId;
        try {
            leaseId = lease.acquireLease(leaseSeconds);
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 409 || e.getStatusCode() == 404) {
                log.debug("inbox {}: taken by another hub or already gone ({})", name, e.getErrorCode());
                return null;
            }
            throw e;
        }
        try {
            return new BlobClaim(name, blob, lease, leaseId, maxBytes, renewals, leaseSeconds);
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public void destroy() {
        renewals.shutdownNow();
    }
}
