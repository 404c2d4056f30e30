package io.farmhub.intake;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.LeaseStatusType;
import com.azure.storage.blob.specialized.BlobLeaseClient;
import com.azure.storage.blob.specialized.BlobLeaseClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Finds the documents waiting in the inbox ({@code farmhub.routes.inbox}) and claims them one at a time, the same
 * way whether the inbox is a folder or a blob container: list, then claim each document just before it is
 * processed. A folder is listed by {@link FolderInbox}; one hub owns it, so its claim is held in memory. A blob
 * container may be shared by several hubs, so each blob is claimed with a blob lease; a hub that cannot get the
 * lease (another holds it, or the blob is already gone) skips the blob.
 */
@Component
public class InboxClaims implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InboxClaims.class);

    private final Supplier<DocumentStore> inbox;
    private final long maxBytes;
    private final int leaseSeconds;
    private final Duration settle;
    // Folder documents this hub is processing now: a second look (a poll started before the first one finished)
    // finds them taken, as a second hub finds a leased blob.
    private final Set<Path> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "inbox-lease-renewal");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    public InboxClaims(InboxReader reader, DocumentStores stores, @Value("${farmhub.routes.inbox}") String inboxUri,
            @Value("${farmhub.inbox.lease-seconds:60}") int leaseSeconds,
            @Value("${farmhub.inbox.settle:1000}") long settleMillis) {
        this(reader, () -> stores.at(inboxUri), leaseSeconds, settleMillis);
    }

    InboxClaims(InboxReader reader, Supplier<DocumentStore> inbox, int leaseSeconds, long settleMillis) {
        if (leaseSeconds < 15 || leaseSeconds > 60) {
            throw new IllegalArgumentException("farmhub.inbox.lease-seconds must be from 15 to 60 (a blob lease's"
                    + " limits), not " + leaseSeconds);
        }
        this.inbox = inbox;
        this.maxBytes = reader.maxBytes();
        this.leaseSeconds = leaseSeconds;
        this.settle = Duration.ofMillis(settleMillis);
    }

    /**
     * The documents waiting now, one queue per folder of the inbox (per user), folders and names in name order.
     * A blob another hub holds a lease on is left out; it is not ours to take.
     */
    public List<InboxQueue> waiting() throws IOException {
        List<String> documents = new ArrayList<>();
        DocumentStore store = inbox.get();
        if (store instanceof FolderStore folder) {
            documents.addAll(FolderInbox.waiting(folder.root(), settle));
        } else if (store instanceof ContainerStore container) {
            for (BlobItem blob : container.container().listBlobs()) {
                if (blob.getProperties().getLeaseStatus() != LeaseStatusType.LOCKED) {
                    documents.add(blob.getName());
                }
            }
        } else {
            throw new IllegalStateException("the inbox is " + store.describe() + ", neither a folder nor a container");
        }
        Map<String, List<String>> byFolder = new TreeMap<>();
        for (String document : documents) {
            int slash = document.indexOf('/');
            byFolder.computeIfAbsent(slash < 0 ? "" : document.substring(0, slash), f -> new ArrayList<>())
                    .add(document);
        }
        List<InboxQueue> queues = new ArrayList<>();
        byFolder.forEach((folder, names) -> {
            names.sort(null);
            queues.add(new InboxQueue(folder, names));
        });
        return queues;
    }

    /** The document, claimed for this hub; null when another hub has it or it is gone. */
    public InboxClaim claim(String document) throws IOException {
        DocumentStore store = inbox.get();
        if (store instanceof ContainerStore container) {
            return lease(document, container.container().getBlobClient(document));
        }
        Path file = FolderInbox.file(((FolderStore) store).root(), document);
        if (!held.add(file)) {
            return null;
        }
        try {
            return new FolderClaim(document, file, () -> held.remove(file));
        } catch (NoSuchFileException gone) {
            held.remove(file);
            return null;
        } catch (IOException | RuntimeException e) {
            held.remove(file);
            throw e;
        }
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
