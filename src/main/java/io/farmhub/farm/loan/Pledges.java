package io.farmhub.farm.loan;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a pledged asset's loan ids change with the loan events on its stream; every aggregate that can be
 * collateral (cow, field, tractor) and its summary projection fold them the same way.
 */
public final class Pledges {

    private Pledges() {
    }

    /** The loan ids after {@code event}. */
    public static Set<String> after(Set<String> pledgedTo, LoanEvent event) {
        TreeSet<String> next = new TreeSet<>(pledgedTo);
        if (event instanceof LoanEvent.CollateralPledged) {
            next.add(event.loanId());
        } else {
            next.remove(event.loanId());
        }
        return Collections.unmodifiableSortedSet(next);
    }

    /** An immutable, sorted copy: states and projections then compare, print and serialise stably. */
    public static Set<String> sorted(Collection<String> loanIds) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(loanIds == null ? Set.of() : loanIds));
    }
}
