package io.farmhub.farm.barn;

import io.farmhub.core.Aggregate;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The state of a barn as its decider sees it. Other aggregates (a cow's destination and the barn's
 * capacity for RelocateAnimal) ask only {@link #isRegistered()} and {@link Registered#capacity()}.
 */
public sealed interface Barn {

    Aggregate<Barn> AGGREGATE = new Aggregate<>("farm", "barn", new Unregistered(), BarnDecider::evolve);

    default boolean isRegistered() {
        return this instanceof Registered;
    }

    record Unregistered() implements Barn {
    }

    /**
     * @param lastRecorded the last reading kept as BarnTemperatureRecorded: the base of the 0.5 °C / 15 min rule
     * @param latestAt     the newest reading instant in the stream (recorded or alert); older readings are stale
     * @param openAlert    the reading that raised the alert still open, or null when none is
     */
    record Registered(String barnCode, String name, int capacity, Reading lastRecorded, Instant latestAt,
            Reading openAlert) implements Barn {

        public boolean alertOpen() {
            return openAlert != null;
        }
    }

    record Reading(Instant at, BigDecimal celsius) {
    }
}
