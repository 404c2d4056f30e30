package io.farmhub.schedules;

import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.specialized.BlobLeaseClient;
import com.azure.storage.blob.specialized.BlobLeaseClientBuilder;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The azure profile's lock, for several hubs: one blob per schedule ({@code <schedule>.lock} in the container
 * {@code schedule-locks}), leased by the hub that runs a firing. The blob's metadata remembers the last firing that
 * ran, so a hub that gets the lease after the first one finished sees that its firing already ran and skips it.
 * The lease is renewed while the job runs; a hub that dies lets it expire, and the firing is not marked, so the
 * next hub to fire it runs it.
 */
final class BlobFiringLock implements FiringLock {

    private static final Logger log = LoggerFactory.getLogger(BlobFiringLock.class);
    private static final int LEASE_SECONDS = 60;
    private static final String LAST_FIRING = "lastfiring";

    private final Supplier<BlobContainerClient> container;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "schedule-lease-renewal");
        thread.setDaemon(true);
        return thread;
    });

    BlobFiringLock(Supplier<BlobContainerClient> container) {
        this.container = container;
    }

    @Override
    public boolean runOnce(String schedule, Instant scheduledFireTime, Runnable job) {
        BlobClient blob = container.get().getBlobClient(schedule + ".lock");
        if (!blob.exists()) {
            createQuietly(blob);
        }
        BlobLeaseClient lease = new BlobLeaseClientBuilder().blobClient(blob).buildClient();
        String leaseId;
        try {
            leaseId = lease.acquireLease(LEASE_SECONDS);
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 409) {
                log.info("schedule {}: the firing of {} runs on another hub", schedule, scheduledFireTime);
                return false;
            }
            throw e;
        }
        ScheduledFuture<?> renewal = renewals.scheduleAtFixedRate(() -> renew(lease, schedule),
                LEASE_SECONDS / 3, LEASE_SECONDS / 3, TimeUnit.SECONDS);
        try {
            String last = blob.getProperties().getMetadata().get(LAST_FIRING);
            if (last != null && !scheduledFireTime.isAfter(Instant.parse(last))) {
                log.info("schedule {}: the firing of {} already ran on another hub", schedule, scheduledFireTime);
                return false;
            }
            job.run();
            blob.setMetadataWithResponse(Map.of(LAST_FIRING, scheduledFireTime.toString()),
                    new BlobRequestConditions().setLeaseId(leaseId), null, Context.NONE);
            return true;
        } finally {
            renewal.cancel(false);
            releaseQuietly(lease);
        }
    }

    void shutdown() {
        renewals.shutdownNow();
    }

    private static void createQuietly(BlobClient blob) {
        try {
            blob.upload(new ByteArrayInputStream(new byte[0]), 0, false);
        } catch (BlobStorageException e) {
            // Another hub created it first (409), or holds a lease on it already (412): either way it exists.
            if (e.getStatusCode() != 409 && e.getStatusCode() != 412) {
                throw e;
            }
        }
    }

    private static void renew(BlobLeaseClient lease, String schedule) {
        try {
            lease.renewLease();
        } catch (RuntimeException e) {
            log.warn("schedule {}: the lock's lease could not be renewed: {}", schedule, e.getMessage());
        }
    }

    private static void releaseQuietly(BlobLeaseClient lease) {
        try {
            lease.releaseLease();
        } catch (RuntimeException e) {
            log.debug("lease already released: {}", e.getMessage());
        }
    }
}
