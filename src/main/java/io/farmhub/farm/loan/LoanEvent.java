package io.farmhub.farm.loan;

import io.farmhub.core.DomainEvent;
import java.time.LocalDate;

/**
 * A loan is not an aggregate: CollateraliseLoan and ReleaseCollateral append these events to the stream of
 * every pledged cow, field and tractor. Those aggregates fold them into their own state (pledgedTo).
 */
public sealed interface LoanEvent extends DomainEvent {

    String loanId();

    /** The asset whose stream carries this event is pledged to {@code loanId}. */
    record CollateralPledged(String loanId, String lender, LocalDate pledgedOn) implements LoanEvent {
        @Override
        public String occurredAt() {
            return pledgedOn.toString();
        }
    }

    /** The asset whose stream carries this event is no longer pledged to {@code loanId}. */
    record CollateralReleased(String loanId, LocalDate releasedOn) implements LoanEvent {
        @Override
        public String occurredAt() {
            return releasedOn.toString();
        }
    }
}
