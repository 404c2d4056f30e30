package io.farmhub.farm.cow;

import io.farmhub.core.Aggregate;
import io.farmhub.core.DomainEvent;
import io.farmhub.farm.cow.CowEvent.AnimalBorn;
import io.farmhub.farm.cow.CowEvent.AnimalDied;
import io.farmhub.farm.cow.CowEvent.AnimalPurchased;
import io.farmhub.farm.cow.CowEvent.AnimalRelocated;
import io.farmhub.farm.cow.CowEvent.AnimalSold;
import io.farmhub.farm.loan.LoanEvent;
import io.farmhub.farm.Location;
import java.time.LocalDate;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A cow's lifecycle as the deciders need it. Only what a rule looks at is kept: sex (NOT_FEMALE, dams),
 * location (ALREADY_THERE, the barn she gives her place up in), the date she left (could she be a dam that day?) and the loans
 * she is pledged to (ANIMAL_PLEDGED). A dead animal can stay pledged until the loan releases her.
 */
public sealed interface Cow {

    Aggregate<Cow> AGGREGATE = new Aggregate<>("farm", "cow", new Unknown(), Cow::evolve);

    /** Loans this animal is pledged to; empty for an unknown tag. */
    Set<String> pledgedTo();

    Cow withPledges(Set<String> pledgedTo);

    /** No birth or purchase recorded for this tag. */
    record Unknown() implements Cow {
        @Override
        public Set<String> pledgedTo() {
            return Set.of();
        }

        @Override
        public Cow withPledges(Set<String> pledgedTo) {
            return this;
        }
    }

    record OnFarm(String earTag, Sex sex, Location location, Set<String> pledgedTo) implements Cow {
        public OnFarm {
            pledgedTo = sorted(pledgedTo);
        }

        @Override
        public OnFarm withPledges(Set<String> pledges) {
            return new OnFarm(earTag, sex, location, pledges);
        }
    }

    record Sold(String earTag, Sex sex, LocalDate soldOn, Set<String> pledgedTo) implements Cow {
        public Sold {
            pledgedTo = sorted(pledgedTo);
        }

        @Override
        public Sold withPledges(Set<String> pledges) {
            return new Sold(earTag, sex, soldOn, pledges);
        }
    }

    record Dead(String earTag, Sex sex, LocalDate diedOn, Set<String> pledgedTo) implements Cow {
        public Dead {
            pledgedTo = sorted(pledgedTo);
        }

        @Override
        public Dead withPledges(Set<String> pledges) {
            return new Dead(earTag, sex, diedOn, pledges);
        }
    }

    /** Folds one event of a cow's stream, including the loan events appended to it; ignores anything else. */
    static Cow evolve(Cow state, DomainEvent event) {
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

    private static SortedSet<String> sorted(Set<String> loanIds) {
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(loanIds));
    }
}
