package io.farmhub.farm.tractor;

import io.farmhub.core.Aggregate;
import io.farmhub.farm.loan.Pledges;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** The state of a tractor as its decider sees it; a loan asks only {@link #isRegistered()} and {@link #pledgedTo()}. */
public sealed interface Tractor {

    Aggregate<Tractor> AGGREGATE = new Aggregate<>("farm", "tractor", new Unregistered(), TractorDecider::evolve);

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
}
