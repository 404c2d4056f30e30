package io.farmhub.farm.barn;

import static io.farmhub.farm.StatelessChecks.trimmed;

import io.farmhub.core.Decision;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;
import io.farmhub.core.Versioned;
import io.farmhub.farm.Identities;
import io.farmhub.farm.StatelessChecks;
import io.farmhub.farm.barn.Barn.Reading;
import io.farmhub.farm.barn.Barn.Registered;
import io.farmhub.farm.barn.BarnCommand.RecordBarnTemperature;
import io.farmhub.farm.barn.BarnCommand.RegisterBarn;
import io.farmhub.farm.barn.BarnEvent.BarnRegistered;
import io.farmhub.farm.barn.BarnEvent.BarnTemperatureAlertCleared;
import io.farmhub.farm.barn.BarnEvent.BarnTemperatureAlertRaised;
import io.farmhub.farm.barn.BarnEvent.BarnTemperatureRecorded;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
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
        if (command instanceof RegisterBarn c) {
            return new RegisterBarn(code, trimmed(c.name()), c.capacity());
        }
        RecordBarnTemperature c = (RecordBarnTemperature) command;
        return new RecordBarnTemperature(code, c.at(), c.celsius());
    }

    public static List<Rejection> validate(BarnCommand command, LocalDate today) {
        StatelessChecks checks = new StatelessChecks();
        checks.key("barnCode", command.barnCode(), Identities::isSlug, "barn code");
        if (command instanceof RegisterBarn c) {
            checks.text("name", c.name(), "barn's name");
            if (checks.present("capacity", c.capacity(), "barn's capacity (how many animals it holds)")) {
                checks.check(c.capacity() >= 1, ErrorCode.OUT_OF_RANGE, "capacity",
                        () -> "A barn holds at least 1 animal; the capacity cannot be " + c.capacity() + ".");
            }
        } else if (command instanceof RecordBarnTemperature c) {
            checks.pastInstant("at", c.at(), today, "reading time");
            if (checks.present("celsius", c.celsius(), "temperature in °C")) {
                checks.check(c.celsius().compareTo(MIN_CELSIUS) >= 0 && c.celsius().compareTo(MAX_CELSIUS) <= 0,
                        ErrorCode.OUT_OF_RANGE, "celsius", () -> "A barn temperature of " + c.celsius().toPlainString()
                                + " °C is outside what a barn thermometer reads (-40 to 60 °C); check the sensor.");
            }
        }
        return checks.rejections();
    }

    public static Decision decide(BarnCommand command, Versioned<Barn> versioned, LocalDate today) {
        List<Rejection> invalid = validate(command, today);
        if (!invalid.isEmpty()) {
            return Decision.rejected(invalid);
        }
        Barn state = versioned.state();
        if (command instanceof RegisterBarn c) {
            if (state instanceof Registered r) {
                return reject(ErrorCode.BARN_EXISTS, "barnCode", "Barn " + c.barnCode()
                        + " is already registered as '" + r.name() + "'; choose another barn code.");
            }
            return Decision.accepted(versioned,
                    List.of(new BarnRegistered(c.barnCode(), c.name(), c.capacity(), today)));
        }
        RecordBarnTemperature c = (RecordBarnTemperature) command;
        if (!(state instanceof Registered barn)) {
            return reject(ErrorCode.UNKNOWN_LOCATION, "barnCode", "Barn " + c.barnCode()
                    + " is not registered; register it before sending its temperatures.");
        }
        return Decision.accepted(versioned, reading(barn, c));
    }

    private static List<BarnEvent> reading(Registered barn, RecordBarnTemperature c) {
        List<BarnEvent> events = new ArrayList<>();
        if (barn.latestAt() != null && !c.at().isAfter(barn.latestAt())) {
            return events;
        }
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

    public static Barn evolve(Barn state, DomainEvent event) {
        if (event instanceof BarnRegistered e) {
            return new Registered(e.barnCode(), e.name(), e.capacity(), null, null, null);
        }
        if (!(state instanceof Registered b)) {
            return state;
        }
        if (event instanceof BarnTemperatureRecorded e) {
            return new Registered(b.barnCode(), b.name(), b.capacity(), new Reading(e.at(), e.celsius()),
                    latest(b.latestAt(), e.at()), b.openAlert());
        }
        if (event instanceof BarnTemperatureAlertRaised e) {
            return new Registered(b.barnCode(), b.name(), b.capacity(), b.lastRecorded(),
                    latest(b.latestAt(), e.at()), new Reading(e.at(), e.celsius()));
        }
        if (event instanceof BarnTemperatureAlertCleared e) {
            return new Registered(b.barnCode(), b.name(), b.capacity(), b.lastRecorded(),
                    latest(b.latestAt(), e.at()), null);
        }
        return state;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static Decision reject(ErrorCode code, String field, String message) {
        return Decision.rejected(Rejection.of(code, field, message));
    }
}
