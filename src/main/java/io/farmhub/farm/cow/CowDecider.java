package io.farmhub.farm.cow;

import static io.farmhub.core.ErrorCode.ALREADY_THERE;
import static io.farmhub.core.ErrorCode.ANIMAL_EXISTS;
import static io.farmhub.core.ErrorCode.ANIMAL_NOT_ON_FARM;
import static io.farmhub.core.ErrorCode.ANIMAL_ON_FARM;
import static io.farmhub.core.ErrorCode.ANIMAL_PLEDGED;
import static io.farmhub.core.ErrorCode.BARN_FULL;
import static io.farmhub.core.ErrorCode.NOT_FEMALE;
import static io.farmhub.core.ErrorCode.UNKNOWN_LOCATION;

import io.farmhub.core.Decision;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.Rejection;
import io.farmhub.core.StreamChange;
import io.farmhub.core.StreamId;
import io.farmhub.core.Versioned;
import io.farmhub.farm.cow.CowCommand.*;
import io.farmhub.farm.cow.CowEvent.*;
import io.farmhub.farm.loan.LoanEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cow's rules, as pure functions. Every decide first applies {@link #validate}; then it judges the command
 * against the states (and facts about other aggregates) it is given, reporting every independent rule it
 * breaks. "Today" comes in as an argument; nothing here reads a clock or a store.
 */
public final class CowDecider {

    private CowDecider() {
    }

    /** The checks that need no state: MALFORMED, OUT_OF_RANGE, DATE_IN_FUTURE (see {@link CowChecks}). */
    public static List<Rejection> validate(CowCommand command, LocalDate today) {
        return CowChecks.of(command, today);
    }

    /** @param dam the dam's state, present exactly when the command names a {@code damEarTag} */
    public static Decision decide(RegisterBirth c, Versioned<Cow> cow, Optional<Versioned<Cow>> dam,
            LocationFacts location, LocalDate today) {
        List<Rejection> problems = new ArrayList<>(validate(c, today));
        if (!problems.isEmpty()) {
            return Decision.rejected(problems);
        }
        if (!(cow.state() instanceof Cow.Unknown)) {
            problems.add(Rejection.of(ANIMAL_EXISTS, "earTag", c.earTag() + " is already registered ("
                    + Lifecycle.describe(cow.state()) + "); an ear tag belongs to one animal for life."));
        }
        registered(location, "location", problems);
        dam.ifPresent(d -> Lifecycle.checkDam(c, d.state(), problems));
        Map<StreamId, Long> reads = new HashMap<>(Map.of(location.stream(), location.version()));
        dam.ifPresent(d -> reads.put(d.stream(), d.version()));
        return problems.isEmpty()
                ? accepted(cow, reads, new AnimalBorn(c.earTag(), c.herdNumber(), c.sex(), c.breed(), c.bornOn(),
                        c.damEarTag(), c.location()))
                : Decision.rejected(problems);
    }

    public static Decision decide(RecordPurchase c, Versioned<Cow> cow, LocationFacts location, LocalDate today) {
        List<Rejection> problems = new ArrayList<>(validate(c, today));
        if (!problems.isEmpty()) {
            return Decision.rejected(problems);
        }
        if (cow.state() instanceof Cow.OnFarm) {
            problems.add(Rejection.of(ANIMAL_ON_FARM, "earTag", c.earTag()
                    + " is already on the farm; a purchase brings in an animal that is not here."));
        } else if (cow.state() instanceof Cow.Dead dead) {
            // A tag is lifetime-unique: an animal that died here cannot be bought in again.
            problems.add(Rejection.of(ANIMAL_EXISTS, "earTag", c.earTag() + " died on " + dead.diedOn()
                    + "; check the ear tag on the receipt."));
        }
        registered(location, "location", problems);
        return problems.isEmpty()
                ? accepted(cow, Map.of(location.stream(), location.version()),
                        new AnimalPurchased(c.earTag(), c.herdNumber(), c.sex(), c.breed(), c.bornOn(),
                                c.purchasedOn(), c.seller(), c.price(), c.location()))
                : Decision.rejected(problems);
    }

    public static Decision decide(RecordSale c, Versioned<Cow> cow, LocalDate today) {
        return onFarm(c, c.earTag(), cow, today).map(Decision::rejected).orElseGet(() -> {
            Set<String> loans = cow.state().pledgedTo();
            if (!loans.isEmpty()) {
                return Decision.rejected(Rejection.of(ANIMAL_PLEDGED, "earTag", c.earTag()
                        + " is pledged as collateral for loan " + String.join(", ", loans)
                        + "; release the collateral before selling her."));
            }
            return accepted(cow, Map.of(), new AnimalSold(c.earTag(), c.soldOn(), c.buyer(), c.price()));
        });
    }

    public static Decision decide(RecordDeath c, Versioned<Cow> cow, LocalDate today) {
        return onFarm(c, c.earTag(), cow, today).map(Decision::rejected)
                .orElseGet(() -> accepted(cow, Map.of(), new AnimalDied(c.earTag(), c.diedOn(), c.cause())));
    }

    /**
     * @param occupancy animals now in the destination barn (ignored for a field); the cow being moved is not
     *                  among them, since she is somewhere else
     */
    public static Decision decide(RelocateAnimal c, Versioned<Cow> cow, LocationFacts destination,
            BarnOccupancy occupancy, LocalDate today) {
        List<Rejection> problems = new ArrayList<>(validate(c, today));
        if (!problems.isEmpty()) {
            return Decision.rejected(problems);
        }
        Lifecycle.notOnFarm(c.earTag(), cow.state()).ifPresent(problems::add);
        registered(destination, "to", problems);
        if (!problems.isEmpty()) {
            return Decision.rejected(problems);
        }
        Cow.OnFarm here = (Cow.OnFarm) cow.state();
        if (here.location().equals(c.to())) {
            return Decision.rejected(Rejection.of(ALREADY_THERE, "to", c.earTag() + " is already in " + c.to() + "."));
        }
        // "Not over capacity": the move may fill the barn to its capacity, never beyond it.
        if (destination.capacity().isPresent() && occupancy.animals() >= destination.capacity().getAsInt()) {
            return Decision.rejected(Rejection.of(BARN_FULL, "to", c.to() + " holds " + destination.capacity()
                    .getAsInt() + " animals and has " + occupancy.animals()
                    + " already; move one out first or choose another place."));
        }
        Map<StreamId, Long> reads = new HashMap<>(occupancy.reads());
        reads.put(destination.stream(), destination.version());
        return accepted(cow, reads, new AnimalRelocated(c.earTag(), here.location(), c.to(), c.movedOn()));
    }

    public static Decision decide(RecordAIVisit c, Versioned<Cow> cow, LocalDate today) {
        return femaleOnFarm(c, c.earTag(), cow, today).map(Decision::rejected).orElseGet(() -> accepted(cow,
                Map.of(), new AnimalInseminated(c.earTag(), c.servedOn(), c.technician(), c.sireCode())));
    }

    public static Decision decide(RecordMilking c, Versioned<Cow> cow, LocalDate today) {
        return femaleOnFarm(c, c.earTag(), cow, today).map(Decision::rejected).orElseGet(() -> accepted(cow,
                Map.of(), new MilkRecorded(c.earTag(), c.milkedAt(), c.litres())));
    }

    /**
     * All or nothing: one TBTestRecorded on each tested cow's stream, or a rejection naming every animal that
     * is not on the farm ({@code results[i].earTag}).
     *
     * @param cows the state of each animal in {@code c.results()}, in the same order
     */
    public static Decision decide(RecordTBInspection c, List<Versioned<Cow>> cows, LocalDate today) {
        List<Rejection> problems = new ArrayList<>(validate(c, today));
        if (!problems.isEmpty()) {
            return Decision.rejected(problems);
        }
        if (cows.size() != c.results().size()) {
            throw new IllegalArgumentException("one state per result is needed, got " + cows.size());
        }
        List<StreamChange> changes = new ArrayList<>();
        Map<StreamId, Long> reads = new HashMap<>();
        for (int i = 0; i < cows.size(); i++) {
            RecordTBInspection.Result r = c.results().get(i);
            Versioned<Cow> cow = cows.get(i);
            String field = "results[" + i + "].earTag";
            Lifecycle.notOnFarm(r.earTag(), cow.state())
                    .ifPresent(p -> problems.add(Rejection.of(p.code(), field, p.message())));
            reads.put(cow.stream(), cow.version());
            changes.add(new StreamChange(cow.stream(), cow.version(),
                    List.of(new TBTestRecorded(r.earTag(), c.inspectionId(), c.testedOn(), c.vet(), r.result()))));
        }
        return problems.isEmpty() ? new Decision.Accepted(changes, reads) : Decision.rejected(problems);
    }

    /** Folds one event of a cow's stream, including the loan events appended to it; ignores anything else. */
    public static Cow evolve(Cow state, DomainEvent event) {
        if (event instanceof AnimalBorn b) {
            return new Cow.OnFarm(b.earTag(), b.sex(), b.location(), state.pledgedTo());
        } else if (event instanceof AnimalPurchased p) {
            return new Cow.OnFarm(p.earTag(), p.sex(), p.location(), state.pledgedTo());
        } else if (event instanceof AnimalRelocated r && state instanceof Cow.OnFarm on) {
            return new Cow.OnFarm(on.earTag(), on.sex(), r.to(), on.pledgedTo());
        } else if (event instanceof AnimalSold s) {
            return new Cow.Sold(s.earTag(), Lifecycle.sexOf(state), s.soldOn(), state.pledgedTo());
        } else if (event instanceof AnimalDied d) {
            return new Cow.Dead(d.earTag(), Lifecycle.sexOf(state), d.diedOn(), state.pledgedTo());
        } else if (event instanceof LoanEvent.CollateralPledged p) {
            Set<String> loans = new TreeSet<>(state.pledgedTo());
            loans.add(p.loanId());
            return state.withPledges(loans);
        } else if (event instanceof LoanEvent.CollateralReleased r) {
            Set<String> loans = new TreeSet<>(state.pledgedTo());
            loans.remove(r.loanId());
            return state.withPledges(loans);
        }
        return state;
    }

    private static Optional<List<Rejection>> onFarm(CowCommand c, String earTag, Versioned<Cow> cow, LocalDate today) {
        List<Rejection> problems = validate(c, today);
        if (!problems.isEmpty()) {
            return Optional.of(problems);
        }
        return Lifecycle.notOnFarm(earTag, cow.state()).map(List::of);
    }

    private static Optional<List<Rejection>> femaleOnFarm(CowCommand c, String earTag, Versioned<Cow> cow,
            LocalDate today) {
        return onFarm(c, earTag, cow, today).or(() -> ((Cow.OnFarm) cow.state()).sex() == Sex.F
                ? Optional.empty()
                : Optional.of(List.of(Rejection.of(NOT_FEMALE, "earTag", earTag + " is recorded as male; only a"
                        + " female can be served or milked. Check the ear tag."))));
    }

    private static void registered(LocationFacts location, String field, List<Rejection> problems) {
        if (!location.registered()) {
            problems.add(Rejection.of(UNKNOWN_LOCATION, field, location.location()
                    + " is not registered; register the " + location.location().kind().prefix() + " first or check"
                    + " the code."));
        }
    }

    private static Decision accepted(Versioned<Cow> cow, Map<StreamId, Long> otherReads, CowEvent event) {
        Map<StreamId, Long> reads = new HashMap<>(otherReads);
        reads.put(cow.stream(), cow.version());
        return new Decision.Accepted(List.of(new StreamChange(cow.stream(), cow.version(), List.of(event))), reads);
    }
}
