package io.farmhub.commands.herd;

import io.farmhub.core.CommandHandler;
import io.farmhub.core.Decision;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;
import io.farmhub.core.StreamChange;
import io.farmhub.core.StreamId;
import io.farmhub.core.StreamStates;
import io.farmhub.core.Versioned;
import io.farmhub.farm.barn.BarnEvent.AnimalHoused;
import io.farmhub.farm.barn.BarnEvent.AnimalLeftBarn;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code MoveHerdCow} {earTag, to, movedOn}: as domain.md's RelocateAnimal decides a move between barns, on the
 * stream that owns each rule. The cow must be on the farm and elsewhere; the barn entered must have room (its own
 * stream: {@code AnimalHoused}); the barn left gets {@code AnimalLeftBarn}. A barn that already houses her (her
 * earlier, interrupted decision took the place) is no change there, only read. The changes are listed cow first,
 * on purpose: the pipeline, not the decider, puts the barn entered first where that matters. A calf named with
 * her must be on the farm: her stream is read, not changed.
 */
public final class MoveHerdCowHandler implements CommandHandler<MoveHerdCowHandler.MoveHerdCow> {

    /** {@code calf}, when given, must be on the farm too: a stream the decision only reads. */
    public record MoveHerdCow(String earTag, String to, LocalDate movedOn, String calf) {
    }

    @Override
    public String commandType() {
        return "MoveHerdCow";
    }

    @Override
    public Class<MoveHerdCow> commandClass() {
        return MoveHerdCow.class;
    }

    @Override
    public MoveHerdCow normalise(MoveHerdCow command) {
        return command;
    }

    @Override
    public List<Rejection> validate(MoveHerdCow c, LocalDate today) {
        return c.earTag() == null || c.to() == null || c.movedOn() == null
                ? List.of(Rejection.of(ErrorCode.MALFORMED, "earTag", "earTag, to and movedOn are required."))
                : List.of();
    }

    @Override
    public Decision decide(MoveHerdCow c, StreamStates states, LocalDate today) {
        Versioned<Herd.HerdCow> cow = states.get(Herd.COW, c.earTag());
        Map<StreamId, Long> reads = new HashMap<>();
        reads.put(cow.stream(), cow.version());
        if (!cow.state().onFarm()) {
            return Decision.rejected(Rejection.of(ErrorCode.ANIMAL_NOT_ON_FARM, "earTag", c.earTag() + " is not on the farm."));
        }
        if (c.to().equals(cow.state().barn())) {
            return Decision.rejected(Rejection.of(ErrorCode.ALREADY_THERE, "to", c.earTag() + " is in " + c.to() + "."));
        }
        if (c.calf() != null) {
            Versioned<Herd.HerdCow> calf = states.get(Herd.COW, c.calf());
            reads.put(calf.stream(), calf.version());
            if (!calf.state().onFarm()) {
                return Decision.rejected(Rejection.of(ErrorCode.ANIMAL_NOT_ON_FARM, "calf", c.calf() + " is not on the farm."));
            }
        }
        Versioned<Set<String>> to = states.get(Herd.PLACES, c.to());
        reads.put(to.stream(), to.version());
        boolean housedAlready = to.state().contains(c.earTag());
        if (!housedAlready && to.state().size() >= Herd.CAPACITY) {
            return Decision.rejected(Rejection.of(ErrorCode.BARN_FULL, "to", c.to() + " is full."));
        }
        List<StreamChange> changes = new ArrayList<>();
        changes.add(new StreamChange(cow.stream(), cow.version(),
                List.of(new Herd.Moved(c.earTag(), cow.state().barn(), c.to(), c.movedOn()))));
        if (cow.state().barn() != null) {
            Versioned<Set<String>> from = states.get(Herd.PLACES, cow.state().barn());
            reads.put(from.stream(), from.version());
            changes.add(new StreamChange(from.stream(), from.version(),
                    List.<DomainEvent>of(new AnimalLeftBarn(cow.state().barn(), c.earTag(), c.movedOn()))));
        }
        if (!housedAlready) {
            changes.add(new StreamChange(to.stream(), to.version(),
                    List.<DomainEvent>of(new AnimalHoused(c.to(), c.earTag(), c.movedOn()))));
        }
        return new Decision.Accepted(changes, reads);
    }
}
