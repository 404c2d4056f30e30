package io.farmhub.farm.tractor;

import io.farmhub.core.Aggregate;
import io.farmhub.core.DomainEvent;
import io.farmhub.farm.loan.LoanEvent;
import io.farmhub.farm.loan.Pledges;
import io.farmhub.farm.tractor.TractorEvent.EngineHoursRecorded;
import io.farmhub.farm.tractor.TractorEvent.TractorRegistered;
import io.farmhub.farm.tractor.TractorEvent.TractorServiced;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** The state of a tractor as its decider sees it; a loan asks only {@link #isRegistered()} and {@link #pledgedTo()}. */
public sealed interface Tractor {

    Aggregate<Tractor> AGGREGATE = new Aggregate<>("farm", "tractor", new Unregistered(), Tractor::evolve);

    /** Loan ids this tractor is pledged to. */
    Set<String> pledgedTo();

    default boolean isRegistered() {
        return this instanceof Registered;
    }

    record Unregistered() implements Tractor {
        @Override
        public Set<String> pledgedTo() {
            return Set.of();
        }
    }

    /**
     * @param engineHours   the last hours known, from a service or a recorded reading; null before either
     * @param lastReadingAt the instant of the last EngineHoursRecorded; older readings are stale
     * @param lastService   null until the first service
     */
    record Registered(String chassisNumber, String make, String model, int year, BigDecimal engineHours,
            Instant lastReadingAt, Service lastService, Set<String> pledgedTo) implements Tractor {
        public Registered {
            pledgedTo = Pledges.sorted(pledgedTo);
        }
    }

    record Service(LocalDate servicedOn, BigDecimal engineHours) {
    }

    /** Folds one event of the tractor's stream, including the loan events appended to it; ignores anything else. */
    static Tractor evolve(Tractor state, DomainEvent event) {
        if (event instanceof TractorRegistered e) {
            return new Registered(e.chassisNumber(), e.make(), e.model(), e.year(), null, null, null, Set.of());
        }
        if (!(state instanceof Registered t)) {
            return state;
        }
        if (event instanceof TractorServiced e) {
            return new Registered(t.chassisNumber(), t.make(), t.model(), t.year(), e.engineHours(),
                    t.lastReadingAt(), new Service(e.servicedOn(), e.engineHours()), t.pledgedTo());
        }
        if (event instanceof EngineHoursRecorded e) {
            return new Registered(t.chassisNumber(), t.make(), t.model(), t.year(), e.engineHours(), e.at(),
                    t.lastService(), t.pledgedTo());
        }
        if (event instanceof LoanEvent e) {
            return new Registered(t.chassisNumber(), t.make(), t.model(), t.year(), t.engineHours(),
                    t.lastReadingAt(), t.lastService(), Pledges.after(t.pledgedTo(), e));
        }
        return state;
    }
}
