package io.farmhub.farm.loan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The loan commands (domain.md). A loan is not an aggregate: these touch every cow, field and tractor
 * they name, and the loan exists only as the loan id those assets carry.
 */
public sealed interface LoanCommand {

    String loanId();

    /** The exhaustive switch over the loan commands (Java 17 has no pattern switch). */
    <R> R match(Cases<R> cases);

    interface Cases<R> {
        R collateraliseLoan(CollateraliseLoan c);

        R releaseCollateral(ReleaseCollateral c);
    }

    /**
     * Pledges assets as a loan's collateral. Lists are optional one by one (missing means none), and keep
     * their order, so a rejection can name {@code cattle[2]} exactly as the document has it.
     *
     * @param tractors chassis numbers
     * @param fields   field codes
     * @param cattle   ear tags
     */
    record CollateraliseLoan(String loanId, String lender, LocalDate pledgedOn, List<String> tractors,
            List<String> fields, List<String> cattle) implements LoanCommand {
        public CollateraliseLoan {
            tractors = copy(tractors);
            fields = copy(fields);
            cattle = copy(cattle);
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.collateraliseLoan(this);
        }

        /** Null entries survive, so validation can report them as missing rather than fail here. */
        private static List<String> copy(List<String> keys) {
            return keys == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(keys));
        }
    }

    /** Releases every asset pledged to the loan, e.g. when it has been repaid. */
    record ReleaseCollateral(String loanId, LocalDate releasedOn) implements LoanCommand {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.releaseCollateral(this);
        }
    }
}
