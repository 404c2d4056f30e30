package io.farmhub.farm.cow;

import io.farmhub.core.Aggregate;
import io.farmhub.core.StreamStates;
import io.farmhub.core.Versioned;
import io.farmhub.farm.Location;
import java.util.OptionalInt;
import java.util.function.ToIntFunction;

/**
 * A {@link LocationDirectory} over the field and barn streams: a location is registered when its stream has
 * events, and a barn's capacity is read from its folded state by {@code barnCapacity} (which knows the barn's
 * state type, so this package need not).
 *
 * <p>Wiring: {@code new StreamLocationDirectory(Field.AGGREGATE, Barn.AGGREGATE, b -> ((Barn.Registered) b).capacity())}.
 */
public record StreamLocationDirectory(Aggregate<?> field, Aggregate<?> barn, ToIntFunction<Object> barnCapacity)
        implements LocationDirectory {

    @Override
    public LocationFacts lookUp(StreamStates states, Location location) {
        Aggregate<?> aggregate = location.kind() == Location.Kind.FIELD ? field : barn;
        Versioned<?> read = states.get(aggregate, location.code());
        if (read.version() == 0) {
            return LocationFacts.unregistered(location);
        }
        OptionalInt capacity = location.kind() == Location.Kind.BARN
                ? OptionalInt.of(barnCapacity.applyAsInt(read.state()))
                : OptionalInt.empty();
        return new LocationFacts(location, read.version(), capacity);
    }
}
