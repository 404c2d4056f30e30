package io.farmhub.farm.loan;

import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.StreamId;
import io.farmhub.farm.EventApproval;
import io.farmhub.farm.StoredEvents;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LoanEventJsonTest {

    static final EventTypeRegistry REGISTRY = StoredEvents.registry();
    static final StreamId STREAM = StreamId.farm("field", "north-meadow");

    @Test
    void collateral_pledged() {
        EventApproval.verify(REGISTRY, STREAM,
                new LoanEvent.CollateralPledged("L-2026-7", "AIB", LocalDate.parse("2026-11-20")));
    }

    @Test
    void collateral_released() {
        EventApproval.verify(REGISTRY, STREAM, new LoanEvent.CollateralReleased("L-2026-7", LocalDate.parse("2026-11-27")));
    }
}
