package io.farmhub.farm.barn;

import java.math.BigDecimal;
import java.time.Instant;

/** The commands on a barn (domain.md), payload names verbatim. */
public sealed interface BarnCommand {

    String barnCode();

    record RegisterBarn(String barnCode, String name, Integer capacity) implements BarnCommand {
    }

    /** A thermometer reading, usually from a sensor ({@code barn-temperature}, °C). */
    record RecordBarnTemperature(String barnCode, Instant at, BigDecimal celsius) implements BarnCommand {
    }
}
