package io.farmhub.intake;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code sensors} component of {@code /actuator/health}: the sensor journal's backlog, so acceptance (the 202)
 * and processing (the drain into commands) can be told apart. Its details: readings journaled and drained, the
 * backlog and its bound, whether the drain route runs, and, once measured, the drain's pace ({@code drainRate},
 * readings per second over the last window, {@link DrainRate}) and {@code secondsToDrain}, the backlog at that pace
 * (absent while the pace is unknown or 0 with readings waiting). DOWN only when the journal cannot be read.
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
            long waiting = Math.max(0, journaled - drained);
            Health.Builder health = Health.up().withDetail("journaled", journaled).withDetail("drained", drained)
                    .withDetail("backlog", waiting)
                    .withDetail("maxBacklog", backlog.maxReadings())
                    .withDetail("drain", String.valueOf(drain));
            // Rounded to a thousandth: a pace, not a measurement to 17 digits.
            backlog.rate().perSecond().ifPresent(rate -> health.withDetail("drainRate", Math.round(rate * 1000) / 1000.0));
            backlog.rate().secondsToDrain(waiting).ifPresent(seconds -> health.withDetail("secondsToDrain", seconds));
            return health.build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getMessage()).build();
        }
    }
}
