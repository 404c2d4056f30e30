package io.farmhub.notify.eventgrid;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The {@code notifier} component of {@code /actuator/health} in the azure profile: DOWN while the latest request
 * to Event Grid failed after its retries, UNKNOWN when no topic has an endpoint (so a hub started without
 * Event Grid does not report itself broken), UP otherwise.
 */
@Component("notifier")
@Profile("azure")
public class EventGridHealthIndicator implements HealthIndicator {

    private final EventGridNotifier notifier;
    private final EventGridCounters counters;

    public EventGridHealthIndicator(EventGridNotifier notifier, EventGridCounters counters) {
        this.notifier = notifier;
        this.counters = counters;
    }

    @Override
    public Health health() {
        Health.Builder health = notifier.configuredTopics().isEmpty() ? Health.unknown()
                : counters.lastFailure() != null ? Health.down().withDetail("lastFailure", counters.lastFailure())
                : Health.up();
        return health.withDetail("kind", "eventgrid")
                .withDetail("queued", notifier.queued())
                .withDetail("published", counters.published())
                .withDetail("failed", counters.failed())
                .withDetail("refused", counters.refused())
                .withDetail("dropped", counters.dropped())
                .build();
    }
}
