package io.farmhub.farm;

import io.farmhub.core.DomainEvent;
import io.farmhub.farm.barn.BarnEvent.AnimalHoused;
import io.farmhub.farm.barn.BarnEvent.AnimalLeftBarn;
import io.farmhub.farm.loan.LoanEvent.CollateralPledged;
import io.farmhub.farm.loan.LoanEvent.CollateralReleased;
import java.util.Optional;

/**
 * What gives back a place or a claim that a command took and may no longer keep (domain.md "Consistency"): a
 * barn place ({@code AnimalHoused} → {@code AnimalLeftBarn}, the same day) and a pledge ({@code CollateralPledged}
 * → {@code CollateralReleased}). Every other event takes nothing that a rule of another stream could refuse.
 * Those two inverses are also what only gives something up ({@link #givesUp}): no rule refuses leaving a barn or
 * releasing a pledge.
 */
public final class Compensation {

    private Compensation() {
    }

    public static Optional<DomainEvent> undo(DomainEvent taken) {
        if (taken instanceof AnimalHoused h) {
            return Optional.of(new AnimalLeftBarn(h.barnCode(), h.earTag(), h.housedOn()));
        }
        if (taken instanceof CollateralPledged p) {
            return Optional.of(new CollateralReleased(p.loanId(), p.pledgedOn()));
        }
        return Optional.empty();
    }

    public static boolean givesUp(DomainEvent event) {
        return event instanceof AnimalLeftBarn || event instanceof CollateralReleased;
    }
}
