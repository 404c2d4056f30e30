package io.farmhub.farm.cow;

import static io.farmhub.core.ErrorCode.ALREADY_THERE;
import static io.farmhub.core.ErrorCode.ANIMAL_EXISTS;
import static io.farmhub.core.ErrorCode.ANIMAL_ON_FARM;
import static io.farmhub.core.ErrorCode.ANIMAL_PLEDGED;
import static io.farmhub.core.ErrorCode.NOT_FEMALE;
import static io.farmhub.core.ErrorCode.UNKNOWN_LOCATION;

import io.farmhub.core.Decision;
import io.farmhub.core.Rejection;
import io.farmhub.core.StreamChange;
import io.farmhub.core.StreamId;
import io.farmhub.core.Versioned;
import io.farmhub.farm.cow.CowCommand.*;
import io.farmhub.farm.cow.CowEvent.*;
import io.farmhub.farm.Location;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cow's rules, as pure functions: one {@link #decide} over every cow command. It assumes {@link #validate}
 * passed (the pipeline's validate step runs it once) and judges the command against the cow's state and the
 * facts the handler read from other streams, reporting every independent rule it breaks. A barn's capacity is
 * the barn's rule: the decision asks the barn ({@link BarnPlaces}) and writes the barn's answer, AnimalHoused or
 * AnimalLeftBarn at the barn's version read, in the same {@link Decision.Accepted} as the cow's event.
 * Nothing here reads a clock or a store.
 */
public final class CowDecider {

    private CowDecider() {
    }

    /** The checks that need no state: MALFORMED, OUT_OF_RANGE, DATE_IN_FUTURE (see {@link CowChecks}). */
    public static List<Rejection> validate(CowCommand command, LocalDate today) {
        return CowChecks.of(command, today);
    }

    /**
     * @param cow   the stream of the animal the command names; null for RecordTBInspection, whose animals are
     *              all in {@code facts.tested()}
     * @param facts what the command needs from other streams (see {@link CowFacts})
     */
    public static Decision decide(CowCommand command, Versioned<Cow> cow, CowFacts facts) {
        return command.match(new CowCommand.Cases<>() {

            @Override
            public Decision registerBirth(RegisterBirth c) {
                List<Rejection> problems = new ArrayList<>();
                if (!(cow.state() instanceof Cow.Unknown)) {
                    problems.add(Rejection.of(ANIMAL_EXISTS, "earTag", c.earTag() + " is already registered ("
                            + Lifecycle.describe(cow.state()) + "); an ear tag belongs to one animal for life."));
                }
                facts.dam().ifPresent(d -> Lifecycle.checkDam(c, d.state(), problems));
                Decision.Accepted arrival = arrive(facts.destination(), c.earTag(), c.bornOn(), "location", problems);
                if (!problems.isEmpty()) {
                    return Decision.rejected(problems);
                }
                Decision.Accepted born = write(cow, new AnimalBorn(c.earTag(), c.herdNumber(), c.sex(), c.breed(),
                        c.bornOn(), c.damEarTag(), c.location()));
                Map<StreamId, Long> damRead = facts.dam().map(d -> Map.of(d.stream(), d.version())).orElse(Map.of());
                return merge(born, arrival, new Decision.Accepted(List.of(), damRead));
            }

            @Override
            public Decision recordPurchase(RecordPurchase c) {
                List<Rejection> problems = new ArrayList<>();
                if (cow.state() instanceof Cow.OnFarm) {
                    problems.add(Rejection.of(ANIMAL_ON_FARM, "earTag", c.earTag()
                            + " is already on the farm; a purchase brings in an animal that is not here."));
                } else if (cow.state() instanceof Cow.Dead dead) {
                    // A tag is lifetime-unique: an animal that died here cannot be bought in again.
                    problems.add(Rejection.of(ANIMAL_EXISTS, "earTag", c.earTag() + " died on " + dead.diedOn()
                            + "; check the ear tag on the receipt."));
                }
                Decision.Accepted arrival = arrive(facts.destination(), c.earTag(), c.purchasedOn(), "location",
                        problems);
                if (!problems.isEmpty()) {
                    return Decision.rejected(problems);
                }
                return merge(write(cow, new AnimalPurchased(c.earTag(), c.herdNumber(), c.sex(), c.breed(),
                        c.bornOn(), c.purchasedOn(), c.seller(), c.price(), c.location())), arrival);
            }

            @Override
            public Decision recordSale(RecordSale c) {
                Optional<Rejection> away = Lifecycle.notOnFarm(c.earTag(), cow.state());
                if (away.isPresent()) {
                    return Decision.rejected(away.get());
                }
                Set<String> loans = cow.state().pledgedTo();
                if (!loans.isEmpty()) {
                    return Decision.rejected(Rejection.of(ANIMAL_PLEDGED, "earTag", c.earTag()
                            + " is pledged as collateral for loan " + String.join(", ", loans)
                            + "; release the collateral before selling her."));
                }
                return merge(write(cow, new AnimalSold(c.earTag(), c.soldOn(), c.buyer(), c.price())),
                        depart(facts.leaving(), c.earTag(), c.soldOn()));
            }

            @Override
            public Decision recordDeath(RecordDeath c) {
                return Lifecycle.notOnFarm(c.earTag(), cow.state()).<Decision>map(Decision::rejected)
                        .orElseGet(() -> merge(write(cow, new AnimalDied(c.earTag(), c.diedOn(), c.cause())),
                                depart(facts.leaving(), c.earTag(), c.diedOn())));
            }

            @Override
            public Decision relocateAnimal(RelocateAnimal c) {
                List<Rejection> problems = new ArrayList<>();
                Lifecycle.notOnFarm(c.earTag(), cow.state()).ifPresent(problems::add);
                registered(facts.destination(), "to", problems);
                if (!problems.isEmpty() || !(cow.state() instanceof Cow.OnFarm here)) {
                    return Decision.rejected(problems);
                }
                Location from = here.location();
                if (from.equals(c.to())) {
                    return Decision.rejected(Rejection.of(ALREADY_THERE, "to", c.earTag() + " is already in "
                            + c.to() + "."));
                }
                Decision.Accepted arrival = arrive(facts.destination(), c.earTag(), c.movedOn(), "to", problems);
                if (!problems.isEmpty()) {
                    return Decision.rejected(problems);
                }
                return merge(write(cow, new AnimalRelocated(c.earTag(), from, c.to(), c.movedOn())), arrival,
                        depart(facts.leaving(), c.earTag(), c.movedOn()));
            }

            @Override
            public Decision recordAIVisit(RecordAIVisit c) {
                return femaleOnFarm(c.earTag(), cow).<Decision>map(Decision::rejected).orElseGet(() -> write(cow,
                        new AnimalInseminated(c.earTag(), c.servedOn(), c.technician(), c.sireCode())));
            }

            /** All or nothing: one TBTestRecorded on each tested cow's stream, or every animal not on the farm. */
            @Override
            public Decision recordTBInspection(RecordTBInspection c) {
                List<Versioned<Cow>> cows = facts.tested();
                if (cows.size() != c.results().size()) {
                    throw new IllegalArgumentException("one state per result is needed, got " + cows.size());
                }
                List<Rejection> problems = new ArrayList<>();
                List<Decision.Accepted> writes = new ArrayList<>();
                for (int i = 0; i < cows.size(); i++) {
                    RecordTBInspection.Result r = c.results().get(i);
                    String field = "results[" + i + "].earTag";
                    Lifecycle.notOnFarm(r.earTag(), cows.get(i).state())
                            .ifPresent(p -> problems.add(Rejection.of(p.code(), field, p.message())));
                    writes.add(write(cows.get(i),
                            new TBTestRecorded(r.earTag(), c.inspectionId(), c.testedOn(), c.vet(), r.result())));
                }
                return problems.isEmpty() ? merge(writes.toArray(Decision.Accepted[]::new))
                        : Decision.rejected(problems);
            }

            @Override
            public Decision recordMilking(RecordMilking c) {
                return femaleOnFarm(c.earTag(), cow).<Decision>map(Decision::rejected).orElseGet(() -> write(cow,
                        new MilkRecorded(c.earTag(), c.milkedAt(), c.litres())));
            }
        });
    }

    /**
     * Arriving at a location: a field only has to be registered (read at its version); a barn decides whether
     * she gets a place. A broken rule is added to {@code problems} under {@code field}.
     */
    private static Decision.Accepted arrive(LocationFacts location, String earTag, LocalDate on, String field,
            List<Rejection> problems) {
        if (!location.registered()) {
            registered(location, field, problems);
            return nothing();
        }
        if (location.barn().isEmpty()) {
            return new Decision.Accepted(List.of(), Map.of(location.stream(), location.version()));
        }
        Decision housed = location.barn().get().house(earTag, on);
        if (housed instanceof Decision.Rejected refused) {
            refused.rejections().forEach(r -> problems.add(Rejection.of(r.code(), field, r.message())));
        }
        return housed instanceof Decision.Accepted place ? place : nothing();
    }

    /** Giving up her place in the barn she is in, if she is in one. */
    private static Decision.Accepted depart(Optional<LocationFacts> barn, String earTag, LocalDate on) {
        return barn.flatMap(LocationFacts::barn).map(b -> b.leave(earTag, on))
                .map(d -> d instanceof Decision.Accepted a ? a : nothing()).orElse(nothing());
    }

    private static Optional<Rejection> femaleOnFarm(String earTag, Versioned<Cow> cow) {
        return Lifecycle.notOnFarm(earTag, cow.state()).or(() -> cow.state() instanceof Cow.OnFarm on
                && on.sex() == Sex.F
                ? Optional.empty()
                : Optional.of(Rejection.of(NOT_FEMALE, "earTag", earTag + " is recorded as male; only a"
                        + " female can be served or milked. Check the ear tag.")));
    }

    private static void registered(LocationFacts location, String field, List<Rejection> problems) {
        if (!location.registered()) {
            problems.add(Rejection.of(UNKNOWN_LOCATION, field, location.location()
                    + " is not registered; register the " + location.location().kind().prefix() + " first or check"
                    + " the code."));
        }
    }

    /** The cow's own event, appended at the version her stream was read at. */
    private static Decision.Accepted write(Versioned<Cow> cow, CowEvent event) {
        return new Decision.Accepted(List.of(new StreamChange(cow.stream(), cow.version(), List.of(event))),
                Map.of(cow.stream(), cow.version()));
    }

    private static Decision.Accepted nothing() {
        return new Decision.Accepted(List.of(), Map.of());
    }

    /** One decision of several parts, each stream with the version it was read at. */
    private static Decision.Accepted merge(Decision.Accepted... parts) {
        List<StreamChange> changes = new ArrayList<>();
        Map<StreamId, Long> reads = new LinkedHashMap<>();
        for (Decision.Accepted part : parts) {
            changes.addAll(part.changes());
            reads.putAll(part.reads());
        }
        return new Decision.Accepted(changes, reads);
    }
}
