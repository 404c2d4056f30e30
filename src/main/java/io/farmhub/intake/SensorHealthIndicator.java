package io.farmhub.intake;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code sensors} component of {@code /actuator/health}: the sensor journal's backlog, so acceptance (the 202)
 * and processing (the drain into commands) can be told apart. Its details: readings journaled and drained, the
 * backlog and its bound, and whether the drain route runs. DOWN only when the journal cannot be read.
 */
@Component("sensorsHealthIndicator")
public class SensorHealthIndicator implements HealthIndicator {

    private final SensorBacklog backlog;
    private final CamelContext camel;

    public SensorHealthIndicator(SensorBacklog backlog, CamelContext camel) {
        this.backlog = backlog;
        this.camel = camel;
    }

    @Override
    public Health health() {
        try {
            long journaled = backlog.journaled();
            long drained = backlog.drained();
            ServiceStatus drain = camel.getRouteController().getRouteStatus(SensorDrain.ROUTE);
            return Health.up().withDetail("journaled", journaled).withDetail("drained", drained)
                    .withDetail("backlog", Math.max(0, journaled - drained))
                    .withDetail("maxBacklog", backlog.maxReadings())
                    .withDetail("drain", String.valueOf(drain)).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getMessage()).build();
        }
    }
}
