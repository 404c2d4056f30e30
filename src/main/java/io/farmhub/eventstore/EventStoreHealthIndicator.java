package io.farmhub.eventstore;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** The {@code eventStore} component of {@code /actuator/health}: UP while the store answers a ping. */
@Component("eventStore")
public class EventStoreHealthIndicator implements HealthIndicator {

    private final EventStore store;

    public EventStoreHealthIndicator(EventStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        try {
            store.ping();
            return Health.up().withDetail("kind", store.kind()).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("kind", store.kind()).withDetail("error", e.getMessage()).build();
        }
    }
}
