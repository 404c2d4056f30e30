package io.farmhub.farm.cow;

import io.farmhub.core.Aggregate;
import io.farmhub.core.StreamStates;
import io.farmhub.core.Versioned;
import io.farmhub.farm.Location;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link LocationDirectory} over the field and barn streams: a location is registered when its stream has
 * events, and a barn's places are the barn's own rule over its folded state ({@code places}, which knows the
 * barn's state type, so this package need not).
 *
 * <p>Wiring: {@code new StreamLocationDirectory<>(Field.AGGREGATE, Barn.AGGREGATE, Farm::barnPlaces)}.
 */
public record StreamLocationDirectory<B>(Aggregate<?> field, Aggregate<B> barn,
        Function<Versioned<B>, BarnPlaces> places) implements LocationDirectory {

    @Override
    public LocationFacts lookUp(StreamStates states, Location location) {
        if (location.kind() == Location.Kind.FIELD) {
            Versioned<?> read = states.get(field, location.code());
            return new LocationFacts(location, read.version(), Optional.empty());
        }
        Versioned<B> read = states.get(barn, location.code());
        if (read.version() == 0) {
            return LocationFacts.unregistered(location);
        }
        return new LocationFacts(location, read.version(), Optional.of(places.apply(read)));
    }
}
