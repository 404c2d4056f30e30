package io.farmhub.farm.cow;

import io.farmhub.core.Versioned;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a cow decision needs from streams other than the cow's own, read by the handler with their versions.
 * Each command uses only its part; the rest is empty.
 *
 * @param dam         RegisterBirth: the named dam's stream
 * @param destination RegisterBirth, RecordPurchase, RelocateAnimal: where she goes (null otherwise)
 * @param leaving     RecordSale, RecordDeath, RelocateAnimal: the barn she is in now, if she is in one
 * @param tested      RecordTBInspection: the stream of each animal in {@code results}, in the same order
 */
public record CowFacts(Optional<Versioned<Cow>> dam, LocationFacts destination, Optional<LocationFacts> leaving,
        List<Versioned<Cow>> tested) {

    public CowFacts {
        Objects.requireNonNull(dam, "dam");
        Objects.requireNonNull(leaving, "leaving");
        tested = List.copyOf(tested);
    }

    /** A command that reads no other stream (AI visit, milking). */
    public static CowFacts none() {
        return new CowFacts(Optional.empty(), null, Optional.empty(), List.of());
    }

    public static CowFacts birth(Optional<Versioned<Cow>> dam, LocationFacts location) {
        return new CowFacts(dam, Objects.requireNonNull(location), Optional.empty(), List.of());
    }

    public static CowFacts arrival(LocationFacts location) {
        return birth(Optional.empty(), location);
    }

    /** A sale or death: the barn she gives her place up in, if any. */
    public static CowFacts departure(Optional<LocationFacts> barnLeft) {
        return new CowFacts(Optional.empty(), null, barnLeft, List.of());
    }

    public static CowFacts move(LocationFacts destination, Optional<LocationFacts> barnLeft) {
        return new CowFacts(Optional.empty(), Objects.requireNonNull(destination), barnLeft, List.of());
    }

    public static CowFacts inspection(List<Versioned<Cow>> tested) {
        return new CowFacts(Optional.empty(), null, Optional.empty(), tested);
    }
}
