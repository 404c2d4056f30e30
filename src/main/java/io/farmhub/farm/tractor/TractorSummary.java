package io.farmhub.farm.tractor;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.EventEnvelope;
import io.farmhub.farm.loan.LoanEvent;
import io.farmhub.farm.loan.Pledges;
import io.farmhub.farm.tractor.Tractor.Service;
import io.farmhub.farm.tractor.TractorEvent.EngineHoursRecorded;
import io.farmhub.farm.tractor.TractorEvent.TractorRegistered;
import io.farmhub.farm.tractor.TractorEvent.TractorServiced;
import java.math.BigDecimal;
import java.util.Set;

/**
 * The {@code tractor-summary} projection of one tractor as of stream {@code version}: make, model, year,
 * engine hours, the last service and the loans it is pledged to. An envelope at or below {@code version}
 * is ignored (notifications arrive at least once and out of order).
 *
 * @param year        null until registered
 * @param engineHours the last hours known (service or reading), null before either
 * @param lastService null until the first service
 */
public record TractorSummary(String chassisNumber, long version, String make, String model, Integer year,
        BigDecimal engineHours, Service lastService, Set<String> pledgedTo) {

    public static final String NAME = "tractor-summary";

    public TractorSummary {
        pledgedTo = Pledges.sorted(pledgedTo);
    }

    public static TractorSummary empty(String chassisNumber) {
        return new TractorSummary(chassisNumber, 0, null, null, null, null, null, Set.of());
    }

    public boolean registered() {
        return make != null;
    }

    /** Engine hours run since the last service; null when it was never serviced (the service is due anyway). */
    @JsonProperty(value = "hoursSinceService", access = JsonProperty.Access.READ_ONLY)
    public BigDecimal hoursSinceService() {
        return lastService == null ? null : engineHours.subtract(lastService.engineHours());
    }

    public static TractorSummary apply(TractorSummary state, EventEnvelope envelope, DomainEvent event) {
        if (envelope.version() <= state.version()) {
            return state;
        }
        TractorSummary s = state;
        long v = envelope.version();
        if (event instanceof TractorRegistered e) {
            return new TractorSummary(s.chassisNumber, v, e.make(), e.model(), e.year(), s.engineHours,
                    s.lastService, s.pledgedTo);
        }
        if (event instanceof TractorServiced e) {
            return new TractorSummary(s.chassisNumber, v, s.make, s.model, s.year, e.engineHours(),
                    new Service(e.servicedOn(), e.engineHours()), s.pledgedTo);
        }
        if (event instanceof EngineHoursRecorded e) {
            return new TractorSummary(s.chassisNumber, v, s.make, s.model, s.year, e.engineHours(), s.lastService,
                    s.pledgedTo);
        }
        if (event instanceof LoanEvent e) {
            return new TractorSummary(s.chassisNumber, v, s.make, s.model, s.year, s.engineHours, s.lastService,
                    Pledges.after(s.pledgedTo, e));
        }
        return new TractorSummary(s.chassisNumber, v, s.make, s.model, s.year, s.engineHours, s.lastService,
                s.pledgedTo);
    }
}
