package io.farmhub.farm.tractor;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The commands on a tractor (domain.md), payload names verbatim. */
public sealed interface TractorCommand {

    String chassisNumber();

    /** The exhaustive switch over these commands (Java 17 has no pattern switch). */
    <R> R match(Cases<R> cases);

    interface Cases<R> {
        R registerTractor(RegisterTractor c);

        R recordTractorService(RecordTractorService c);

        R recordEngineHours(RecordEngineHours c);
    }

    record RegisterTractor(String chassisNumber, String make, String model, Integer year) implements TractorCommand {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.registerTractor(this);
        }
    }

    record RecordTractorService(String chassisNumber, LocalDate servicedOn, BigDecimal engineHours, String workDone)
            implements TractorCommand {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.recordTractorService(this);
        }
    }

    /** An hour-meter reading, usually from a sensor ({@code engine-hours}, h). */
    record RecordEngineHours(String chassisNumber, Instant at, BigDecimal engineHours) implements TractorCommand {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.recordEngineHours(this);
        }
    }
}
