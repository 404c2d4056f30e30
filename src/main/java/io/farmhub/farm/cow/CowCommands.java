package io.farmhub.farm.cow;

import io.farmhub.core.AggregateHandler;
import io.farmhub.core.CommandHandler;
import io.farmhub.core.StreamStates;
import io.farmhub.core.Versioned;
import io.farmhub.farm.Location;
import io.farmhub.farm.cow.CowCommand.*;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The cow command handlers for the pipeline: the generic {@link AggregateHandler} reads the cow's stream and the
 * facts her command needs ({@link CowFacts}), then calls the pure {@link CowDecider#decide}. Field and barn
 * facts come from the {@link LocationDirectory} the caller supplies, so this package does not depend on the
 * field or barn ones.
 */
public final class CowCommands {

    private CowCommands() {
    }

    public static List<CommandHandler<?>> handlers(LocationDirectory locations) {
        return List.of(
                handler(RegisterBirth.class, RegisterBirth::earTag, (c, cow, states) -> CowFacts.birth(
                        Optional.ofNullable(c.damEarTag()).map(dam -> cow(states, dam)),
                        locations.lookUp(states, c.location()))),
                handler(RecordPurchase.class, RecordPurchase::earTag,
                        (c, cow, states) -> CowFacts.arrival(locations.lookUp(states, c.location()))),
                handler(RecordSale.class, RecordSale::earTag,
                        (c, cow, states) -> CowFacts.departure(barnOf(cow, states, locations))),
                handler(RecordDeath.class, RecordDeath::earTag,
                        (c, cow, states) -> CowFacts.departure(barnOf(cow, states, locations))),
                handler(RelocateAnimal.class, RelocateAnimal::earTag, (c, cow, states) -> CowFacts.move(
                        locations.lookUp(states, c.to()), barnOf(cow, states, locations))),
                handler(RecordAIVisit.class, RecordAIVisit::earTag, (c, cow, states) -> CowFacts.none()),
                AggregateHandler.<CowCommand, RecordTBInspection, Cow, CowFacts>of("RecordTBInspection",
                        RecordTBInspection.class, CowCommand::normalised, CowDecider::validate,
                        AggregateHandler.noStream(), (c, none, states, today) -> CowFacts.inspection(
                                c.results().stream().map(r -> cow(states, r.earTag())).toList()),
                        CowDecider::decide),
                handler(RecordMilking.class, RecordMilking::earTag, (c, cow, states) -> CowFacts.none()));
    }

    /** A command on the one cow {@code earTag} names. */
    private static <C extends CowCommand> CommandHandler<C> handler(Class<C> commandClass,
            Function<C, String> earTag, Facts<C> facts) {
        return AggregateHandler.<CowCommand, C, Cow, CowFacts>of(commandClass.getSimpleName(), commandClass,
                CowCommand::normalised, CowDecider::validate, (c, states) -> cow(states, earTag.apply(c)),
                (c, cow, states, today) -> facts.read(c, cow, states), CowDecider::decide);
    }

    /** What one command reads besides the cow's own stream. */
    @FunctionalInterface
    private interface Facts<C> {
        CowFacts read(C command, Versioned<Cow> cow, StreamStates states);
    }

    /** The barn she is in now (she gives her place up there), read at its version; empty in a field or away. */
    private static Optional<LocationFacts> barnOf(Versioned<Cow> cow, StreamStates states,
            LocationDirectory locations) {
        return cow.state() instanceof Cow.OnFarm on && on.location().kind() == Location.Kind.BARN
                ? Optional.of(locations.lookUp(states, on.location()))
                : Optional.empty();
    }

    private static Versioned<Cow> cow(StreamStates states, String earTag) {
        return states.get(Cow.AGGREGATE, earTag);
    }
}
