package io.farmhub.farm.tractor;

import io.farmhub.core.DomainEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** What happened to a tractor (domain.md). Each event names its tractor so it reads on its own. */
public sealed interface TractorEvent extends DomainEvent {

    String chassisNumber();

    /**
     * RegisterTractor carries no date, so the business date is the day FarmHub decided the command
     * ({@code registeredOn}).
     */
    record TractorRegistered(String chassisNumber, String make, String model, int year, LocalDate registeredOn)
            implements TractorEvent {
        @Override
        public String occurredAt() {
            return registeredOn.toString();
        }
    }

    record TractorServiced(String chassisNumber, LocalDate servicedOn, BigDecimal engineHours, String workDone)
            implements TractorEvent {
        @Override
        public String occurredAt() {
            return servicedOn.toString();
        }
    }

    /** An hour-meter reading worth keeping: at least 1 h more than the last hours known. */
    record EngineHoursRecorded(String chassisNumber, Instant at, BigDecimal engineHours) implements TractorEvent {
        @Override
        public String occurredAt() {
            return at.toString();
        }
    }
}
