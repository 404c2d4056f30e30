package io.farmhub.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobContainerClient;
import io.farmhub.azure.Azurite;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two hubs' locks on one Azurite container: each firing of a schedule runs once, on whichever hub gets there first. */
class BlobFiringLockTest {

    private final BlobContainerClient locks = container();
    private final BlobFiringLock hubA = new BlobFiringLock(() -> locks);
    private final BlobFiringLock hubB = new BlobFiringLock(() -> locks);
    private final ExecutorService hubs = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        hubs.shutdownNow();
        hubA.shutdown();
        hubB.shutdown();
    }

    @Test
    void both_hubs_firing_at_once_run_the_job_once() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Instant firing = Instant.parse("2026-11-27T06:00:00Z");
        Callable<Boolean> onA = () -> {
            start.await();
            return hubA.runOnce("tb-test-inspection", firing, runs::incrementAndGet);
        };
        Callable<Boolean> onB = () -> {
            start.await();
            return hubB.runOnce("tb-test-inspection", firing, runs::incrementAndGet);
        };
        List<Future<Boolean>> results = List.of(hubs.submit(onA), hubs.submit(onB));
        start.countDown();

        int ran = 0;
        for (Future<Boolean> result : results) {
            ran += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(ran).isEqualTo(1);
        assertThat(runs).hasValue(1);
    }

    @Test
    void a_hub_firing_late_skips_what_already_ran_and_the_next_firing_runs_again() {
        AtomicInteger runs = new AtomicInteger();
        Instant monday = Instant.parse("2026-11-23T07:00:00Z");

        assertThat(hubA.runOnce("tractor-service-check", monday, runs::incrementAndGet)).isTrue();
        assertThat(hubB.runOnce("tractor-service-check", monday, runs::incrementAndGet)).isFalse();
        assertThat(hubB.runOnce("tractor-service-check", monday.plusSeconds(7 * 86400), runs::incrementAndGet))
                .isTrue();
        assertThat(hubA.runOnce("herd-register-report", monday, runs::incrementAndGet)).isTrue();

        assertThat(runs).hasValue(3);
    }

    @Test
    void a_job_that_fails_is_not_marked_so_another_hub_runs_the_firing() {
        Instant firing = Instant.parse("2026-11-27T06:00:00Z");
        AtomicInteger runs = new AtomicInteger();
        try {
            hubA.runOnce("tb-test-inspection", firing, () -> {
                throw new IllegalStateException("query engine down");
            });
        } catch (IllegalStateException expected) {
            // the firing failed on hub A
        }
        assertThat(hubB.runOnce("tb-test-inspection", firing, runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(1);
    }

    private static BlobContainerClient container() {
        BlobContainerClient container = Azurite.get().blobServiceClient()
                .getBlobContainerClient(Azurite.uniqueContainerName("locks"));
        container.create();
        return container;
    }
}
