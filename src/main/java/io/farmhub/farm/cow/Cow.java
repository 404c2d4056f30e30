package io.farmhub.farm.cow;

import io.farmhub.core.Aggregate;
import io.farmhub.farm.Location;
import java.time.LocalDate;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A cow's lifecycle as the deciders need it. Only what a rule looks at is kept: sex (NOT_FEMALE, dams),
 * location (ALREADY_THERE, barn occupancy), the date she left (could she be a dam that day?) and the loans
 * she is pledged to (ANIMAL_PLEDGED). A dead animal can stay pledged until the loan releases her.
 */
public sealed interface Cow {

    Aggregate<Cow> AGGREGATE = new Aggregate<>("farm", "cow", new Unknown(), CowDecider::evolve);

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

    private static SortedSet<String> sorted(Set<String> loanIds) {
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(loanIds));
    }
}
