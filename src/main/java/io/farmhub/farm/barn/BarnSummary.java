package io.farmhub.farm.barn;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.EventEnvelope;
import io.farmhub.farm.barn.Barn.Reading;
import io.farmhub.farm.barn.BarnEvent.BarnRegistered;
import io.farmhub.farm.barn.BarnEvent.BarnTemperatureAlertCleared;
import io.farmhub.farm.barn.BarnEvent.BarnTemperatureAlertRaised;
import io.farmhub.farm.barn.BarnEvent.BarnTemperatureRecorded;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code barn-summary} projection of one barn: name, capacity, occupancy, the last temperature and
 * whether an alert is open. It is fed from two sides:
 * <ul>
 * <li>the barn's own stream through {@link #apply}; {@code version} is that stream's version, and an
 * envelope at or below it is ignored;</li>
 * <li>cow events, which say that a cow came into the barn or left it ({@link #cowMovedIn},
 * {@link #cowMovedOut}); the caller maps born/purchased/relocated/sold/died to those. Each cow's stream
 * version is kept in {@code cowVersions}, so a repeated or late (older) cow notification changes nothing.</li>
 * </ul>
 *
 * @param lastTemperature the newest reading the barn's stream holds (recorded or alerting), null before any
 * @param alertRaisedAt   when the open alert was raised, null when no alert is open
 * @param occupants       ear tags of the cows in the barn now
 */
public record BarnSummary(String barnCode, long version, String name, int capacity, Reading lastTemperature,
        boolean alertOpen, Instant alertRaisedAt, Set<String> occupants, Map<String, Long> cowVersions) {

    public static final String NAME = "barn-summary";

    public BarnSummary {
        occupants = Collections.unmodifiableSortedSet(new TreeSet<>(occupants));
        cowVersions = Collections.unmodifiableSortedMap(new TreeMap<>(cowVersions));
    }

    public static BarnSummary empty(String barnCode) {
        return new BarnSummary(barnCode, 0, null, 0, null, false, null, Set.of(), Map.of());
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
        if (event instanceof BarnRegistered e) {
            return new BarnSummary(s.barnCode, envelope.version(), e.name(), e.capacity(), s.lastTemperature,
                    s.alertOpen, s.alertRaisedAt, s.occupants, s.cowVersions);
        }
        if (event instanceof BarnTemperatureRecorded e) {
            return s.withTemperature(envelope.version(), new Reading(e.at(), e.celsius()), s.alertOpen,
                    s.alertRaisedAt);
        }
        if (event instanceof BarnTemperatureAlertRaised e) {
            return s.withTemperature(envelope.version(), new Reading(e.at(), e.celsius()), true, e.at());
        }
        if (event instanceof BarnTemperatureAlertCleared e) {
            return s.withTemperature(envelope.version(), new Reading(e.at(), e.celsius()), false, null);
        }
        return new BarnSummary(s.barnCode, envelope.version(), s.name, s.capacity, s.lastTemperature, s.alertOpen,
                s.alertRaisedAt, s.occupants, s.cowVersions);
    }

    /** The cow {@code earTag} is in this barn as of its stream version {@code cowVersion}. */
    public static BarnSummary cowMovedIn(BarnSummary state, String earTag, long cowVersion) {
        return state.occupied(earTag, cowVersion, true);
    }

    /** The cow {@code earTag} is no longer in this barn as of its stream version {@code cowVersion}. */
    public static BarnSummary cowMovedOut(BarnSummary state, String earTag, long cowVersion) {
        return state.occupied(earTag, cowVersion, false);
    }

    private BarnSummary occupied(String earTag, long cowVersion, boolean inBarn) {
        Long seen = cowVersions.get(earTag);
        if (seen != null && cowVersion <= seen) {
            return this;
        }
        SortedMap<String, Long> versions = new TreeMap<>(cowVersions);
        versions.put(earTag, cowVersion);
        Set<String> nowIn = new TreeSet<>(occupants);
        if (inBarn) {
            nowIn.add(earTag);
        } else {
            nowIn.remove(earTag);
        }
        return new BarnSummary(barnCode, version, name, capacity, lastTemperature, alertOpen, alertRaisedAt, nowIn,
                versions);
    }

    private BarnSummary withTemperature(long newVersion, Reading reading, boolean open, Instant raisedAt) {
        Reading last = lastTemperature == null || reading.at().isAfter(lastTemperature.at()) ? reading
                : lastTemperature;
        return new BarnSummary(barnCode, newVersion, name, capacity, last, open, raisedAt, occupants, cowVersions);
    }
}
