package io.farmhub.farm.barn;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The commands on a barn (domain.md), payload names verbatim. {@link #match} is the exhaustive switch over
 * them (Java 17 has no pattern switch): a new command does not compile until every decider handles it.
 */
public sealed interface BarnCommand {

    String barnCode();

    <R> R match(Cases<R> cases);

    /** One case per barn command. */
    interface Cases<R> {
        R registerBarn(RegisterBarn c);

        R recordBarnTemperature(RecordBarnTemperature c);
    }

    record RegisterBarn(String barnCode, String name, Integer capacity) implements BarnCommand {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.registerBarn(this);
        }
    }

    /** A thermometer reading, usually from a sensor ({@code barn-temperature}, °C). */
    record RecordBarnTemperature(String barnCode, Instant at, BigDecimal celsius) implements BarnCommand {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.recordBarnTemperature(this);
        }
    }
}
