package io.farmhub.farm.loan;

import java.util.List;

/**
 * What a loan decision needs, read by the handler from the assets' streams with their versions. A loan has no
 * stream of its own: it exists only as the loan id its assets carry, so these facts are all it decides on.
 *
 * @param tractors CollateraliseLoan: the facts of {@code tractors()}, in the same order; likewise fields, cattle
 * @param pledged  ReleaseCollateral: the assets that carry the loan now
 */
public record LoanFacts(List<Asset> tractors, List<Asset> fields, List<Asset> cattle, List<Asset> pledged) {

    public LoanFacts {
        tractors = List.copyOf(tractors);
        fields = List.copyOf(fields);
        cattle = List.copyOf(cattle);
        pledged = List.copyOf(pledged);
    }

    public static LoanFacts pledge(List<Asset> tractors, List<Asset> fields, List<Asset> cattle) {
        return new LoanFacts(tractors, fields, cattle, List.of());
    }

    public static LoanFacts release(List<Asset> pledged) {
        return new LoanFacts(List.of(), List.of(), List.of(), pledged);
    }
}
