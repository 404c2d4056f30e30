package io.farmhub.farm.query;

import io.farmhub.farm.tractor.ServiceDue;
import io.farmhub.farm.tractor.Tractor;
import io.farmhub.farm.tractor.TractorSummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code tractors-service-due} (asOf?): the registered tractors due a service at {@code asOf}
 * ({@link ServiceDue}: 250 engine hours since the last service, a service more than 365 days old, or none),
 * each with its hours since that service. The weekly service check runs it.
 */
public final class TractorsServiceDue extends NamedQuery<Bitemporal, TractorsServiceDue.Due> {

    public static final String NAME = "tractors-service-due";

    public TractorsServiceDue() {
        super(NAME, Tractor.AGGREGATE);
    }

    /**
     * @param lastService       null if it was never serviced
     * @param hoursSinceService null if it was never serviced
     */
    public record DueTractor(String chassisNumber, String make, String model, BigDecimal engineHours,
            Tractor.Service lastService, BigDecimal hoursSinceService) {
    }

    public record Due(List<DueTractor> tractors) {
        public Due {
            tractors = List.copyOf(tractors);
        }
    }

    @Override
    public Parsed<Bitemporal> parse(Map<String, String> parameters, LocalDate today) {
        return parseWhen(parameters, today);
    }

    @Override
    public Due answer(Bitemporal when, StreamView view) {
        LocalDate asOf = when.asOf();
        return new Due(view.foldAll(Tractor.AGGREGATE, TractorSummary::empty, TractorSummary::apply).stream()
                .filter(t -> ServiceDue.includes(t, asOf))
                .map(t -> new DueTractor(t.chassisNumber(), t.make(), t.model(), t.engineHours(), t.lastService(),
                        t.hoursSinceService()))
                .toList());
    }
}
