package io.farmhub.farm.barn;

import static io.farmhub.farm.StatelessChecks.trimmed;

import io.farmhub.core.Decision;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;
import io.farmhub.core.Versioned;
import io.farmhub.farm.Identities;
import io.farmhub.farm.StatelessChecks;
import io.farmhub.farm.barn.Barn.Reading;
import io.farmhub.farm.barn.Barn.Registered;
import io.farmhub.farm.barn.BarnCommand.RecordBarnTemperature;
import io.farmhub.farm.barn.BarnCommand.RegisterBarn;
import io.farmhub.farm.barn.BarnEvent.AnimalHoused;
import io.farmhub.farm.barn.BarnEvent.AnimalLeftBarn;
import io.farmhub.farm.barn.BarnEvent.BarnRegistered;
import io.farmhub.farm.barn.BarnEvent.BarnTemperatureAlertCleared;
import io.farmhub.farm.barn.BarnEvent.BarnTemperatureAlertRaised;
import io.farmhub.farm.barn.BarnEvent.BarnTemperatureRecorded;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The barn's rules (domain.md) as pure functions. RecordBarnTemperature is sensor-fed: most readings change
 * nothing and are accepted with no events. Its rules, where domain.md leaves room:
 * <ul>
 * <li>0 °C and 30 °C themselves are inside the 0–30 °C band: an alert needs a reading below 0 or above 30.</li>
 * <li>0.5 °C and 15 minutes are thresholds that record: a change of exactly 0.5 °C, or a reading exactly
 * 15 minutes after the last recorded one, is recorded.</li>
 * <li>The alert follows every reading, recorded or not: 30.2 °C after a recorded 29.9 °C raises the alert
 * without a BarnTemperatureRecorded ("only when" is kept literally).</li>
 * <li>A reading at or before the newest reading in the barn's stream is stale (sensors replay and deliver
 * out of order): it yields no events, because it says nothing about the barn now.</li>
 * </ul>
 */
public final class BarnDecider {

    static final BigDecimal MIN_CELSIUS = new BigDecimal("-40");
    static final BigDecimal MAX_CELSIUS = new BigDecimal("60");
    static final BigDecimal ALERT_BELOW = BigDecimal.ZERO;
    static final BigDecimal ALERT_ABOVE = new BigDecimal("30");
    static final BigDecimal DEAD_BAND = new BigDecimal("0.5");
    static final Duration HEARTBEAT = Duration.ofMinutes(15);

    private BarnDecider() {
    }

    public static BarnCommand normalise(BarnCommand command) {
        String code = Identities.slug(command.barnCode());
        return command.match(new BarnCommand.Cases<BarnCommand>() {
            @Override
            public BarnCommand registerBarn(RegisterBarn c) {
                return new RegisterBarn(code, trimmed(c.name()), c.capacity());
            }

            @Override
            public BarnCommand recordBarnTemperature(RecordBarnTemperature c) {
                return new RecordBarnTemperature(code, c.at(), c.celsius());
            }
        });
    }

    public static List<Rejection> validate(BarnCommand command, LocalDate today) {
        StatelessChecks checks = new StatelessChecks();
        checks.key("barnCode", command.barnCode(), Identities::isSlug, "barn code");
        command.match(new BarnCommand.Cases<Void>() {
            @Override
            public Void registerBarn(RegisterBarn c) {
                checks.text("name", c.name(), "barn's name");
                if (checks.present("capacity", c.capacity(), "barn's capacity (how many animals it holds)")) {
                    checks.check(c.capacity() >= 1, ErrorCode.OUT_OF_RANGE, "capacity",
                            () -> "A barn holds at least 1 animal; the capacity cannot be " + c.capacity() + ".");
                }
                return null;
            }

            @Override
            public Void recordBarnTemperature(RecordBarnTemperature c) {
                checks.pastInstant("at", c.at(), today, "reading time");
                if (checks.present("celsius", c.celsius(), "temperature in °C")) {
                    checks.check(c.celsius().compareTo(MIN_CELSIUS) >= 0 && c.celsius().compareTo(MAX_CELSIUS) <= 0,
                            ErrorCode.OUT_OF_RANGE, "celsius", () -> "A barn temperature of "
                                    + c.celsius().toPlainString() + " °C is outside what a barn thermometer reads"
                                    + " (-40 to 60 °C); check the sensor.");
                }
                return null;
            }
        });
        return checks.rejections();
    }

    /**
     * The barn's one decision over its commands; assumes {@link #validate} passed (the pipeline's validate step).
     *
     * @param today the business date of a registration, which carries none of its own
     */
    public static Decision decide(BarnCommand command, Versioned<Barn> barn, LocalDate today) {
        Barn state = barn.state();
        return command.match(new BarnCommand.Cases<>() {
            @Override
            public Decision registerBarn(RegisterBarn c) {
                if (state instanceof Registered r) {
                    return reject(ErrorCode.BARN_EXISTS, "barnCode", "Barn " + c.barnCode()
                            + " is already registered as '" + r.name() + "'; choose another barn code.");
                }
                return Decision.accepted(barn,
                        List.of(new BarnRegistered(c.barnCode(), c.name(), c.capacity(), today)));
            }

            @Override
            public Decision recordBarnTemperature(RecordBarnTemperature c) {
                if (!(state instanceof Registered registered)) {
                    return reject(ErrorCode.UNKNOWN_LOCATION, "barnCode", "Barn " + c.barnCode()
                            + " is not registered; register it before sending its temperatures.");
                }
                if (registered.latestAt() != null && !c.at().isAfter(registered.latestAt())) {
                    return Decision.unchanged(barn, "stale: barn " + c.barnCode() + " has a reading at "
                            + registered.latestAt() + " already, so one at " + c.at() + " says nothing new");
                }
                List<BarnEvent> events = reading(registered, c);
                return events.isEmpty()
                        ? Decision.unchanged(barn, "within the dead band: less than " + DEAD_BAND + " °C from the"
                                + " last recorded " + registered.lastRecorded().celsius() + " °C, and less than "
                                + HEARTBEAT.toMinutes() + " minutes after it")
                        : Decision.accepted(barn, events);
            }
        });
    }

    /**
     * The capacity rule, decided on the barn's own stream: an animal takes a place ({@link AnimalHoused}, appended
     * at the version read) unless the barn is full. "Not over capacity": the last place may be taken. An animal
     * already housed there needs no new event (accepted, changing nothing, still reading the barn).
     * The rejection's field is {@code location}; a caller naming the barn under another field sets its own.
     */
    public static Decision house(Versioned<Barn> barn, String earTag, LocalDate on) {
        if (!(barn.state() instanceof Registered b)) {
            return reject(ErrorCode.UNKNOWN_LOCATION, "location", "barn:" + barn.stream().key()
                    + " is not registered; register the barn first or check the code.");
        }
        if (b.houses(earTag)) {
            return Decision.accepted(barn, List.of());
        }
        if (b.occupancy() >= b.capacity()) {
            return reject(ErrorCode.BARN_FULL, "location", "barn:" + b.barnCode() + " holds " + b.capacity()
                    + " animals and has " + b.occupancy() + " already; move one out first or choose another place.");
        }
        return Decision.accepted(barn, List.of(new AnimalHoused(b.barnCode(), earTag, on)));
    }

    /** An animal gives up her place ({@link AnimalLeftBarn}); nothing happens if she holds none there. */
    public static Decision leave(Versioned<Barn> barn, String earTag, LocalDate on) {
        if (barn.state() instanceof Registered b && b.houses(earTag)) {
            return Decision.accepted(barn, List.of(new AnimalLeftBarn(b.barnCode(), earTag, on)));
        }
        return Decision.accepted(barn, List.of());
    }

    private static List<BarnEvent> reading(Registered barn, RecordBarnTemperature c) {
        List<BarnEvent> events = new ArrayList<>();
        if (worthRecording(barn.lastRecorded(), c)) {
            events.add(new BarnTemperatureRecorded(c.barnCode(), c.at(), c.celsius()));
        }
        boolean outside = outsideBand(c.celsius());
        if (outside && !barn.alertOpen()) {
            events.add(new BarnTemperatureAlertRaised(c.barnCode(), c.at(), c.celsius()));
        } else if (!outside && barn.alertOpen()) {
            events.add(new BarnTemperatureAlertCleared(c.barnCode(), c.at(), c.celsius()));
        }
        return events;
    }

    static boolean worthRecording(Reading last, RecordBarnTemperature c) {
        return last == null
                || c.celsius().subtract(last.celsius()).abs().compareTo(DEAD_BAND) >= 0
                || Duration.between(last.at(), c.at()).compareTo(HEARTBEAT) >= 0;
    }

    /** Outside 0–30 °C, both ends belonging to the band. */
    public static boolean outsideBand(BigDecimal celsius) {
        return celsius.compareTo(ALERT_BELOW) < 0 || celsius.compareTo(ALERT_ABOVE) > 0;
    }

    private static Decision reject(ErrorCode code, String field, String message) {
        return Decision.rejected(Rejection.of(code, field, message));
    }
}
