package io.farmhub.farm.barn;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.EventEnvelope;
import io.farmhub.farm.barn.Barn.Reading;
import io.farmhub.farm.barn.BarnEvent.AnimalHoused;
import io.farmhub.farm.barn.BarnEvent.AnimalLeftBarn;
import io.farmhub.farm.barn.BarnEvent.BarnRegistered;
import io.farmhub.farm.barn.BarnEvent.BarnTemperatureAlertCleared;
import io.farmhub.farm.barn.BarnEvent.BarnTemperatureAlertRaised;
import io.farmhub.farm.barn.BarnEvent.BarnTemperatureRecorded;
import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code barn-summary} projection of one barn, folded from the barn's own stream only: name, capacity,
 * occupancy and the cows housed (its AnimalHoused / AnimalLeftBarn, the same events its capacity rule is
 * decided on), the last temperature and whether an alert is open. {@code version} is the barn stream's
 * version; an envelope at or below it is ignored.
 *
 * @param lastTemperature the newest reading the barn's stream holds (recorded or alerting), null before any
 * @param alertRaisedAt   when the open alert was raised, null when no alert is open
 * @param occupants       ear tags of the animals housed in the barn now
 */
public record BarnSummary(String barnCode, long version, String name, int capacity, Reading lastTemperature,
        boolean alertOpen, Instant alertRaisedAt, Set<String> occupants) {

    public static final String NAME = "barn-summary";

    public BarnSummary {
        occupants = Collections.unmodifiableSortedSet(new TreeSet<>(occupants));
    }

    public static BarnSummary empty(String barnCode) {
        return new BarnSummary(barnCode, 0, null, 0, null, false, null, Set.of());
    }

    @JsonProperty(value = "occupancy", access = JsonProperty.Access.READ_ONLY)
    public int occupancy() {
        return occupants.size();
    }

    /** At capacity or beyond: no room for another animal. */
    @JsonProperty(value = "full", access = JsonProperty.Access.READ_ONLY)
    public boolean full() {
        return occupancy() >= capacity;
    }

    public static BarnSummary apply(BarnSummary state, EventEnvelope envelope, DomainEvent event) {
        if (envelope.version() <= state.version()) {
            return state;
        }
        BarnSummary s = state;
        long v = envelope.version();
        if (event instanceof BarnRegistered e) {
            return new BarnSummary(s.barnCode, v, e.name(), e.capacity(), s.lastTemperature, s.alertOpen,
                    s.alertRaisedAt, s.occupants);
        }
        if (event instanceof BarnTemperatureRecorded e) {
            return s.withTemperature(v, new Reading(e.at(), e.celsius()), s.alertOpen, s.alertRaisedAt);
        }
        if (event instanceof BarnTemperatureAlertRaised e) {
            return s.withTemperature(v, new Reading(e.at(), e.celsius()), true, e.at());
        }
        if (event instanceof BarnTemperatureAlertCleared e) {
            return s.withTemperature(v, new Reading(e.at(), e.celsius()), false, null);
        }
        Set<String> housed = new TreeSet<>(s.occupants);
        if (event instanceof AnimalHoused e) {
            housed.add(e.earTag());
        } else if (event instanceof AnimalLeftBarn e) {
            housed.remove(e.earTag());
        }
        return new BarnSummary(s.barnCode, v, s.name, s.capacity, s.lastTemperature, s.alertOpen, s.alertRaisedAt,
                housed);
    }

    private BarnSummary withTemperature(long newVersion, Reading reading, boolean open, Instant raisedAt) {
        Reading last = lastTemperature == null || reading.at().isAfter(lastTemperature.at()) ? reading
                : lastTemperature;
        return new BarnSummary(barnCode, newVersion, name, capacity, last, open, raisedAt, occupants);
    }
}
