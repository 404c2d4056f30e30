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

    /**
     * An animal took a place in this barn: moved in, bought into it or born in it. Appended on the barn's own
     * stream with the barn's expected version, so two animals racing for its last place conflict there.
     */
    record AnimalHoused(String barnCode, String earTag, LocalDate housedOn) implements BarnEvent {
        @Override
        public String occurredAt() {
            return housedOn.toString();
        }
    }

    /**
     * An animal gave up its place in this barn: moved out, sold or died; also how a place taken for a command
     * that was then refused is given back.
     */
    record AnimalLeftBarn(String barnCode, String earTag, LocalDate leftOn) implements BarnEvent {
        @Override
        public String occurredAt() {
            return leftOn.toString();
        }
    }
}
