package io.farmhub.farm.barn;

import io.farmhub.core.Aggregate;
import io.farmhub.core.DomainEvent;
import io.farmhub.farm.barn.BarnEvent.AnimalHoused;
import io.farmhub.farm.barn.BarnEvent.AnimalLeftBarn;
import io.farmhub.farm.barn.BarnEvent.BarnRegistered;
import io.farmhub.farm.barn.BarnEvent.BarnTemperatureAlertCleared;
import io.farmhub.farm.barn.BarnEvent.BarnTemperatureAlertRaised;
import io.farmhub.farm.barn.BarnEvent.BarnTemperatureRecorded;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The state of a barn as its decider sees it, and its {@link #evolve}. The barn owns its capacity: who is
 * housed is folded from its own AnimalHoused / AnimalLeftBarn, never counted from the cows.
 */
public sealed interface Barn {

    Aggregate<Barn> AGGREGATE = new Aggregate<>("farm", "barn", new Unregistered(), Barn::evolve);

    default boolean isRegistered() {
        return this instanceof Registered;
    }

    record Unregistered() implements Barn {
    }

    /**
     * @param lastRecorded the last reading kept as BarnTemperatureRecorded: the base of the 0.5 °C / 15 min rule
     * @param latestAt     the newest reading instant in the stream (recorded or alert); older readings are stale
     * @param openAlert    the reading that raised the alert still open, or null when none is
     * @param housed       ear tags of the animals that hold a place in the barn now
     */
    record Registered(String barnCode, String name, int capacity, Reading lastRecorded, Instant latestAt,
            Reading openAlert, Set<String> housed) implements Barn {

        public Registered {
            housed = Collections.unmodifiableSortedSet(new TreeSet<>(housed));
        }

        public boolean alertOpen() {
            return openAlert != null;
        }

        public int occupancy() {
            return housed.size();
        }

        public boolean houses(String earTag) {
            return housed.contains(earTag);
        }

        Registered withReadings(Reading recorded, Instant latest, Reading alert) {
            return new Registered(barnCode, name, capacity, recorded, latest, alert, housed);
        }

        Registered withHoused(String earTag, boolean in) {
            Set<String> now = new TreeSet<>(housed);
            if (in) {
                now.add(earTag);
            } else {
                now.remove(earTag);
            }
            return new Registered(barnCode, name, capacity, lastRecorded, latestAt, openAlert, now);
        }
    }

    record Reading(Instant at, BigDecimal celsius) {
    }

    /** Folds one event of the barn's stream; ignores anything else. */
    static Barn evolve(Barn state, DomainEvent event) {
        if (event instanceof BarnRegistered e) {
            return new Registered(e.barnCode(), e.name(), e.capacity(), null, null, null, Set.of());
        }
        if (!(state instanceof Registered b)) {
            return state;
        }
        if (event instanceof BarnTemperatureRecorded e) {
            return b.withReadings(new Reading(e.at(), e.celsius()), latest(b.latestAt(), e.at()), b.openAlert());
        }
        if (event instanceof BarnTemperatureAlertRaised e) {
            return b.withReadings(b.lastRecorded(), latest(b.latestAt(), e.at()), new Reading(e.at(), e.celsius()));
        }
        if (event instanceof BarnTemperatureAlertCleared e) {
            return b.withReadings(b.lastRecorded(), latest(b.latestAt(), e.at()), null);
        }
        if (event instanceof AnimalHoused e) {
            return b.withHoused(e.earTag(), true);
        }
        if (event instanceof AnimalLeftBarn e) {
            return b.withHoused(e.earTag(), false);
        }
        return state;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
