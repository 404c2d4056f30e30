package io.farmhub.notify.eventgrid;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * What became of every notification handed to Event Grid: nothing is lost without being counted here (and
 * logged). Exposed as the meter {@code farmhub.notify.eventgrid.notifications} tagged by {@code outcome}.
 */
@Component
@Profile("azure")
public class EventGridCounters implements MeterBinder {

    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();

    /** Accepted by Event Grid. */
    public long published() {
        return published.get();
    }

    /** Sent but not accepted after the retries (or refused by Event Grid). */
    public long failed() {
        return failed.get();
    }

    /** Never sent: too large or not convertible to a CloudEvent. */
    public long refused() {
        return refused.get();
    }

    /** Never sent: the publish queue was full, the topic has no endpoint, or the hub shut down first. */
    public long dropped() {
        return dropped.get();
    }

    /** The last failure's message, or null once a later request succeeded. */
    public String lastFailure() {
        return lastFailure.get();
    }

    void published(int n) {
        published.addAndGet(n);
        lastFailure.set(null);
    }

    void failed(int n, String why) {
        failed.addAndGet(n);
        lastFailure.set(why);
    }

    void refused(int n) {
        refused.addAndGet(n);
    }

    void dropped(int n) {
        dropped.addAndGet(n);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        bind(registry, "published", published);
        bind(registry, "failed", failed);
        bind(registry, "refused", refused);
        bind(registry, "dropped", dropped);
    }

    private static void bind(MeterRegistry registry, String outcome, AtomicLong count) {
        FunctionCounter.builder("farmhub.notify.eventgrid.notifications", count, AtomicLong::get)
                .tag("outcome", outcome)
                .description("notifications handed to the Event Grid notifier, by outcome")
                .register(registry);
    }
}
