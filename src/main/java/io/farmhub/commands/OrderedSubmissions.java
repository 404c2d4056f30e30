package io.farmhub.commands;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes the {@link OrderedSubmitter}s of the inbox, the sensor drain and Event Hubs, all sharing one pool of
 * threads that call the gateway. A submission waits for its durable CREATED entry; several waiting together share
 * one commit, so a few threads are enough, and more than the store's writer can batch would only wait.
 */
@Component
public class OrderedSubmissions {

    /** Gateway calls at once, over every sequence: enough to fill a group commit, few enough to stay idle. */
    private static final int SUBMIT_THREADS = 8;

    private final CommandGateway gateway;
    private final Footprints footprints;
    private final Duration recheck;
    private final Duration stall;
    private final ExecutorService pool = Executors.newFixedThreadPool(SUBMIT_THREADS, daemons("ordered-submit-"));
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(daemons("ordered-recheck-"));

    public OrderedSubmissions(CommandGateway gateway, Footprints footprints,
            @Value("${farmhub.inbox.status-recheck:PT1S}") Duration recheck,
            @Value("${farmhub.inbox.command-timeout:PT10M}") Duration stall) {
        this.gateway = gateway;
        this.footprints = footprints;
        this.recheck = recheck;
        this.stall = stall;
    }

    /** A new sequence: at most {@code window} of its commands unfinished at once. Close it when done. */
    public OrderedSubmitter sequence(int window, OrderedSubmitter.Listener listener) {
        return new OrderedSubmitter(gateway, footprints, pool, timer, window, recheck, stall, listener);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        pool.shutdownNow();
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
