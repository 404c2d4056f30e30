package io.farmhub.farm.tractor;

import static io.farmhub.farm.StatelessChecks.trimmed;

import io.farmhub.core.Decision;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;
import io.farmhub.core.Versioned;
import io.farmhub.farm.Identities;
import io.farmhub.farm.StatelessChecks;
import io.farmhub.farm.tractor.Tractor.Registered;
import io.farmhub.farm.tractor.TractorCommand.RecordEngineHours;
import io.farmhub.farm.tractor.TractorCommand.RecordTractorService;
import io.farmhub.farm.tractor.TractorCommand.RegisterTractor;
import io.farmhub.farm.tractor.TractorEvent.EngineHoursRecorded;
import io.farmhub.farm.tractor.TractorEvent.TractorRegistered;
import io.farmhub.farm.tractor.TractorEvent.TractorServiced;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The tractor's rules (domain.md) as pure functions. Where domain.md leaves room:
 * <ul>
 * <li>"the last known" engine hours are the newest of a service's and a recorded reading's hours; both a
 * service and a reading must not go below them, and a reading is recorded from 1 h above them (exactly 1 h
 * records).</li>
 * <li>A reading at or before the last recorded reading's instant is stale (a sensor replaying or delivering
 * out of order): no events and no rejection, because it says nothing about the tractor now.</li>
 * <li>The model year must lie between 1900 and next year (dealers sell next year's models).</li>
 * </ul>
 */
public final class TractorDecider {

    static final BigDecimal RECORDING_STEP_HOURS = BigDecimal.ONE;
    static final int OLDEST_MODEL_YEAR = 1900;

    private TractorDecider() {
    }

    public static TractorCommand normalise(TractorCommand command) {
        String chassis = Identities.chassisNumber(command.chassisNumber());
        return command.match(new TractorCommand.Cases<TractorCommand>() {
            @Override
            public TractorCommand registerTractor(RegisterTractor c) {
                return new RegisterTractor(chassis, trimmed(c.make()), trimmed(c.model()), c.year());
            }

            @Override
            public TractorCommand recordTractorService(RecordTractorService c) {
                return new RecordTractorService(chassis, c.servicedOn(), c.engineHours(), trimmed(c.workDone()));
            }

            @Override
            public TractorCommand recordEngineHours(RecordEngineHours c) {
                return new RecordEngineHours(chassis, c.at(), c.engineHours());
            }
        });
    }

    public static List<Rejection> validate(TractorCommand command, LocalDate today) {
        StatelessChecks checks = new StatelessChecks();
        checks.key("chassisNumber", command.chassisNumber(), Identities::isChassisNumber, "chassis number");
        if (command instanceof RegisterTractor c) {
            checks.text("make", c.make(), "tractor's make");
            checks.text("model", c.model(), "tractor's model");
            if (checks.present("year", c.year(), "tractor's model year")) {
                int newest = today.getYear() + 1;
                checks.check(c.year() >= OLDEST_MODEL_YEAR && c.year() <= newest, ErrorCode.OUT_OF_RANGE, "year",
                        () -> "A tractor's model year lies between " + OLDEST_MODEL_YEAR + " and " + newest
                                + ", not " + c.year() + ".");
            }
        } else if (command instanceof RecordTractorService c) {
            checks.pastDate("servicedOn", c.servicedOn(), today, "service date");
            hours(checks, c.engineHours());
            checks.text("workDone", c.workDone(), "work done at the service");
        } else if (command instanceof RecordEngineHours c) {
            checks.pastInstant("at", c.at(), today, "reading time");
            hours(checks, c.engineHours());
        }
        return checks.rejections();
    }

    private static void hours(StatelessChecks checks, BigDecimal engineHours) {
        if (checks.present("engineHours", engineHours, "engine hours")) {
            checks.check(engineHours.signum() >= 0, ErrorCode.OUT_OF_RANGE, "engineHours",
                    () -> "Engine hours cannot be negative (" + engineHours.toPlainString() + ").");
        }
    }

    /**
     * The tractor's one decision over its commands; assumes {@link #validate} passed (the pipeline's validate step).
     *
     * @param today the business date of a registration, which carries none of its own
     */
    public static Decision decide(TractorCommand command, Versioned<Tractor> versioned, LocalDate today) {
        Tractor state = versioned.state();
        return command.match(new TractorCommand.Cases<>() {
            @Override
            public Decision registerTractor(RegisterTractor c) {
                if (state instanceof Registered r) {
                    return reject(ErrorCode.TRACTOR_EXISTS, "chassisNumber", "Tractor " + c.chassisNumber()
                            + " is already registered (" + r.make() + " " + r.model() + ", " + r.year() + ").");
                }
                return Decision.accepted(versioned,
                        List.of(new TractorRegistered(c.chassisNumber(), c.make(), c.model(), c.year(), today)));
            }

            @Override
            public Decision recordTractorService(RecordTractorService c) {
                if (!(state instanceof Registered tractor)) {
                    return unknown(c);
                }
                if (decreases(tractor, c.engineHours())) {
                    return hoursDecreased(tractor, c.engineHours());
                }
                return Decision.accepted(versioned, List.of(
                        new TractorServiced(c.chassisNumber(), c.servicedOn(), c.engineHours(), c.workDone())));
            }

            @Override
            public Decision recordEngineHours(RecordEngineHours c) {
                if (!(state instanceof Registered tractor)) {
                    return unknown(c);
                }
                if (tractor.lastReadingAt() != null && !c.at().isAfter(tractor.lastReadingAt())) {
                    return Decision.unchanged(versioned, "stale: tractor " + c.chassisNumber() + " has a reading at "
                            + tractor.lastReadingAt() + " already, so one at " + c.at() + " says nothing new");
                }
                if (decreases(tractor, c.engineHours())) {
                    return hoursDecreased(tractor, c.engineHours());
                }
                boolean step = tractor.engineHours() == null
                        || c.engineHours().subtract(tractor.engineHours()).compareTo(RECORDING_STEP_HOURS) >= 0;
                return step
                        ? Decision.accepted(versioned,
                                List.of(new EngineHoursRecorded(c.chassisNumber(), c.at(), c.engineHours())))
                        : Decision.unchanged(versioned, "less than " + RECORDING_STEP_HOURS + " h above the last known "
                                + tractor.engineHours() + " h, so not recorded");
            }
        });
    }

    private static Decision unknown(TractorCommand command) {
        return reject(ErrorCode.UNKNOWN_TRACTOR, "chassisNumber", "Tractor " + command.chassisNumber()
                + " is not registered; register it first.");
    }

    private static boolean decreases(Registered tractor, BigDecimal engineHours) {
        return tractor.engineHours() != null && engineHours.compareTo(tractor.engineHours()) < 0;
    }

    private static Decision hoursDecreased(Registered tractor, BigDecimal engineHours) {
        return reject(ErrorCode.HOURS_DECREASED, "engineHours", "Tractor " + tractor.chassisNumber()
                + " already has " + tractor.engineHours().toPlainString() + " engine hours on record; "
                + engineHours.toPlainString() + " would go back. Check the hour meter reading.");
    }

    private static Decision reject(ErrorCode code, String field, String message) {
        return Decision.rejected(Rejection.of(code, field, message));
    }
}
