package io.farmhub.farm.cow;

import io.farmhub.core.StreamId;
import io.farmhub.core.StreamStates;
import io.farmhub.core.Versioned;
import io.farmhub.farm.Location;
import java.util.HashMap;
import java.util.Map;

/**
 * How many animals are in a barn now, and the cow streams the count was read from (they go into the
 * decision's reads). Counted by folding every cow: a later issue swaps {@link #count} for a classifier index
 * ({@code at-location}), and nothing else has to change.
 */
public record BarnOccupancy(int animals, Map<StreamId, Long> reads) {

    public BarnOccupancy {
        reads = Map.copyOf(reads);
    }

    /** For a destination that is not a barn, or a test that only cares about the number. */
    public static BarnOccupancy of(int animals) {
        return new BarnOccupancy(animals, Map.of());
    }

    public static BarnOccupancy count(StreamStates states, Location barn) {
        int animals = 0;
        Map<StreamId, Long> reads = new HashMap<>();
        for (String key : states.keys(Cow.AGGREGATE)) {
            Versioned<Cow> cow = states.get(Cow.AGGREGATE, key);
            reads.put(cow.stream(), cow.version());
            if (cow.state() instanceof Cow.OnFarm on && barn.equals(on.location())) {
                animals++;
            }
        }
        return new BarnOccupancy(animals, reads);
    }
}
