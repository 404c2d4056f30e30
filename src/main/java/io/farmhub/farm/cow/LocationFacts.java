package io.farmhub.farm.cow;

import io.farmhub.core.StreamId;
import io.farmhub.farm.Location;
import java.util.Objects;
import java.util.Optional;

/**
 * What a cow command knows of a field or barn, as its stream was at {@code version}: whether it is registered
 * (its stream exists: version &gt; 0) and, for a registered barn, the barn's own rule for its places.
 * A decision that depends on it names the stream and this version in its reads; a barn it writes is appended
 * at this version, so a barn that changed meanwhile is a conflict (see docs/domain.md, "Which stream guards
 * each rule").
 *
 * @param barn the barn's places; empty for a field or an unregistered location
 */
public record LocationFacts(Location location, long version, Optional<BarnPlaces> barn) {

    public LocationFacts {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(barn, "barn");
    }

    public static LocationFacts unregistered(Location location) {
        return new LocationFacts(location, 0, Optional.empty());
    }

    public static LocationFacts field(String code, long version) {
        return new LocationFacts(Location.field(code), version, Optional.empty());
    }

    public static LocationFacts barn(String code, long version, BarnPlaces places) {
        return new LocationFacts(Location.barn(code), version, Optional.of(places));
    }

    public boolean registered() {
        return version > 0;
    }

    /** {@code farm/field/<code>} or {@code farm/barn/<code>}: the aggregate type is the location's prefix. */
    public StreamId stream() {
        return StreamId.farm(location.kind().prefix(), location.code());
    }
}
