package io.farmhub.farm.tractor;

import io.farmhub.farm.Classification;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The {@code service-due} classifier: a registered tractor is due when it has run 250 engine hours or more
 * since its last service, when that service is more than 365 days before {@code asOf}, or when it was
 * never serviced. 250 h exactly is due; a service exactly 365 days ago is not yet.
 */
public final class ServiceDue {

    public static final String NAME = "service-due";
    static final BigDecimal HOURS_BETWEEN_SERVICES = new BigDecimal("250");
    static final long DAYS_BETWEEN_SERVICES = 365;

    private ServiceDue() {
    }

    public static boolean includes(TractorSummary tractor, LocalDate asOf) {
        if (!tractor.registered()) {
            return false;
        }
        if (tractor.lastService() == null) {
            return true;
        }
        return tractor.hoursSinceService().compareTo(HOURS_BETWEEN_SERVICES) >= 0
                || ChronoUnit.DAYS.between(tractor.lastService().servicedOn(), asOf) > DAYS_BETWEEN_SERVICES;
    }

    /** Membership after a change from {@code before} to {@code after}, and whether the change moved it. */
    public static Classification classify(TractorSummary before, TractorSummary after, LocalDate asOf) {
        boolean was = includes(before, asOf);
        boolean is = includes(after, asOf);
        return new Classification(is, was != is);
    }
}
