package io.farmhub.farm.tractor;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The commands on a tractor (domain.md), payload names verbatim. */
public sealed interface TractorCommand {

    String chassisNumber();

    record RegisterTractor(String chassisNumber, String make, String model, Integer year) implements TractorCommand {
    }

    record RecordTractorService(String chassisNumber, LocalDate servicedOn, BigDecimal engineHours, String workDone)
            implements TractorCommand {
    }

    /** An hour-meter reading, usually from a sensor ({@code engine-hours}, h). */
    record RecordEngineHours(String chassisNumber, Instant at, BigDecimal engineHours) implements TractorCommand {
    }
}
