package io.farmhub.notify;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.component.seda.SedaEndpoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The {@code notifier} component of {@code /actuator/health} on the embedded runtime: DOWN while a topic's queue is
 * full, because notifications are then being dropped (reconciliation repairs them, but an operator should know).
 * The azure profile has its own, over Event Grid.
 */
@Component("notifier")
@Profile("!azure")
public class InProcessNotifierHealth implements HealthIndicator {

    private final CamelContext camel;
    private final Map<Topic, String> endpoints = new LinkedHashMap<>();

    public InProcessNotifierHealth(CamelContext camel,
            @Value("${farmhub.routes.notify.farm-events}") String farmEvents,
            @Value("${farmhub.routes.notify.farm-projections}") String farmProjections,
            @Value("${farmhub.routes.notify.farm-commands}") String farmCommands) {
        this.camel = camel;
        endpoints.put(Topic.FARM_EVENTS, farmEvents);
        endpoints.put(Topic.FARM_PROJECTIONS, farmProjections);
        endpoints.put(Topic.FARM_COMMANDS, farmCommands);
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        endpoints.forEach((topic, uri) -> {
            Endpoint endpoint = camel.getEndpoint(uri);
            if (endpoint instanceof SedaEndpoint seda) {
                int queued = seda.getCurrentQueueSize();
                health.withDetail(topic.topicName(), queued + " queued of " + seda.getSize());
                if (seda.getSize() > 0 && queued >= seda.getSize()) {
                    health.down();
                }
            }
        });
        return health.build();
    }
}
