package io.farmhub.farm.cow;

import io.farmhub.core.CommandHandler;
import io.farmhub.core.StreamStates;
import io.farmhub.core.Versioned;
import io.farmhub.farm.Location;
import io.farmhub.farm.cow.CowCommand.*;
import java.util.List;
import java.util.Optional;

/**
 * The cow command handlers for the pipeline. Each reads the states its decision needs through
 * {@link StreamStates} and hands them to the pure {@link CowDecider}; field and barn facts come from the
 * {@link LocationDirectory} the caller supplies, so this package does not depend on the field or barn ones.
 */
public final class CowCommands {

    private CowCommands() {
    }

    public static List<CommandHandler<?>> handlers(LocationDirectory locations) {
        return List.of(
                CowCommandHandler.of(RegisterBirth.class, (c, states, today) -> CowDecider.decide(c, cow(states,
                        c.earTag()), Optional.ofNullable(c.damEarTag()).map(dam -> cow(states, dam)),
                        locations.lookUp(states, c.location()), today)),
                CowCommandHandler.of(RecordPurchase.class, (c, states, today) -> CowDecider.decide(c,
                        cow(states, c.earTag()), locations.lookUp(states, c.location()), today)),
                CowCommandHandler.of(RecordSale.class,
                        (c, states, today) -> CowDecider.decide(c, cow(states, c.earTag()), today)),
                CowCommandHandler.of(RecordDeath.class,
                        (c, states, today) -> CowDecider.decide(c, cow(states, c.earTag()), today)),
                CowCommandHandler.of(RelocateAnimal.class, (c, states, today) -> relocate(c, states, locations, today)),
                CowCommandHandler.of(RecordAIVisit.class,
                        (c, states, today) -> CowDecider.decide(c, cow(states, c.earTag()), today)),
                CowCommandHandler.of(RecordTBInspection.class, (c, states, today) -> CowDecider.decide(c,
                        c.results().stream().map(r -> cow(states, r.earTag())).toList(), today)),
                CowCommandHandler.of(RecordMilking.class,
                        (c, states, today) -> CowDecider.decide(c, cow(states, c.earTag()), today)));
    }

    private static io.farmhub.core.Decision relocate(RelocateAnimal c, StreamStates states,
            LocationDirectory locations, java.time.LocalDate today) {
        LocationFacts destination = locations.lookUp(states, c.to());
        // Counting scans the herd, so only a registered barn is counted.
        BarnOccupancy occupancy = c.to().kind() == Location.Kind.BARN && destination.registered()
                ? BarnOccupancy.count(states, c.to())
                : BarnOccupancy.of(0);
        return CowDecider.decide(c, cow(states, c.earTag()), destination, occupancy, today);
    }

    private static Versioned<Cow> cow(StreamStates states, String earTag) {
        return states.get(Cow.AGGREGATE, earTag);
    }
}
