package io.farmhub.farm.loan;

import io.farmhub.core.Decision;
import io.farmhub.core.Rejection;
import io.farmhub.farm.loan.LoanCommand.CollateraliseLoan;
import io.farmhub.farm.loan.LoanCommand.ReleaseCollateral;
import java.time.LocalDate;
import java.util.List;

/** The loan decider as the pipeline runs it, for tests: its validate step once, then the one decide. */
public final class LoanRules {

    private LoanRules() {
    }

    public static Decision decide(CollateraliseLoan c, List<Asset> tractors, List<Asset> fields, List<Asset> cattle,
            LocalDate today) {
        return validated(c, today, LoanFacts.pledge(tractors, fields, cattle));
    }

    public static Decision decide(ReleaseCollateral c, List<Asset> pledged, LocalDate today) {
        return validated(c, today, LoanFacts.release(pledged));
    }

    private static Decision validated(LoanCommand c, LocalDate today, LoanFacts facts) {
        List<Rejection> invalid = LoanDecider.validate(c, today);
        return invalid.isEmpty() ? LoanDecider.decide(c, null, facts) : Decision.rejected(invalid);
    }
}
