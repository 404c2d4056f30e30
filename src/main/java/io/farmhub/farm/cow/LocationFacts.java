package io.farmhub.farm.cow;

import io.farmhub.core.StreamId;
import io.farmhub.farm.Location;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a cow command needs to know about a field or barn, as its stream said at {@code version}: whether it is
 * registered (its stream exists: version &gt; 0) and, for a barn, how many animals it holds. The version goes
 * into the decision's reads, so a barn changed meanwhile makes the pipeline decide again.
 *
 * @param capacity the barn's capacity; empty for a field (no limit) or an unregistered location
 */
public record LocationFacts(Location location, long version, OptionalInt capacity) {

    public LocationFacts {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(capacity, "capacity");
    }

    public static LocationFacts unregistered(Location location) {
        return new LocationFacts(location, 0, OptionalInt.empty());
    }

    public static LocationFacts field(String code, long version) {
        return new LocationFacts(Location.field(code), version, OptionalInt.empty());
    }

    public static LocationFacts barn(String code, long version, int capacity) {
        return new LocationFacts(Location.barn(code), version, OptionalInt.of(capacity));
    }

    public boolean registered() {
        return version > 0;
    }

    /** {@code farm/field/<code>} or {@code farm/barn/<code>}: the aggregate type is the location's prefix. */
    public StreamId stream() {
        return StreamId.farm(location.kind().prefix(), location.code());
    }
}
