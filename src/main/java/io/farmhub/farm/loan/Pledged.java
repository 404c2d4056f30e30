package io.farmhub.farm.loan;

import io.farmhub.farm.Classification;
import java.util.Set;

/**
 * The {@code pledged(loanId)} classifier: an asset is in the set while it is pledged to that loan. It looks
 * only at the asset's pledges, so it serves every summary with a {@code pledgedTo} (field-summary,
 * tractor-summary, cow-summary) without knowing any of them.
 */
public final class Pledged {

    public static final String NAME = "pledged";

    private Pledged() {
    }

    public static boolean includes(Set<String> pledgedTo, String loanId) {
        return pledgedTo.contains(loanId);
    }

    /** Membership after the pledges went from {@code before} to {@code after}, and whether that moved it. */
    public static Classification classify(Set<String> before, Set<String> after, String loanId) {
        boolean was = includes(before, loanId);
        boolean is = includes(after, loanId);
        return new Classification(is, was != is);
    }
}
