package io.farmhub.farm.barn;

import io.farmhub.core.DomainEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** What happened to a barn (domain.md). Each event names its barn so it reads on its own outside its stream. */
public sealed interface BarnEvent extends DomainEvent {

    String barnCode();

    /**
     * RegisterBarn carries no date, so the business date is the day FarmHub decided the command
     * ({@code registeredOn}).
     */
    record BarnRegistered(String barnCode, String name, int capacity, LocalDate registeredOn) implements BarnEvent {
        @Override
        public String occurredAt() {
            return registeredOn.toString();
        }
    }

    /** A reading worth keeping: 0.5 °C away from the last one kept, or 15 minutes after it. */
    record BarnTemperatureRecorded(String barnCode, Instant at, BigDecimal celsius) implements BarnEvent {
        @Override
        public String occurredAt() {
            return at.toString();
        }
    }

    /** The reading that took the barn out of 0–30 °C. */
    record BarnTemperatureAlertRaised(String barnCode, Instant at, BigDecimal celsius) implements BarnEvent {
        @Override
        public String occurredAt() {
            return at.toString();
        }
    }

    /** The reading that brought the barn back into 0–30 °C. */
    record BarnTemperatureAlertCleared(String barnCode, Instant at, BigDecimal celsius) implements BarnEvent {
        @Override
        public String occurredAt() {
            return at.toString();
        }
    }
}
