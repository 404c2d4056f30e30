package io.farmhub.farm.loan;

import io.farmhub.core.EventTypeRegistry;

/** The loan event types under their domain.md names; they are stored on the pledged assets' streams. */
public final class LoanEvents {

    private LoanEvents() {
    }

    public static EventTypeRegistry register(EventTypeRegistry registry) {
        return registry
                .register("CollateralPledged", 1, LoanEvent.CollateralPledged.class)
                .register("CollateralReleased", 1, LoanEvent.CollateralReleased.class);
    }
}
