package io.farmhub.farm.tractor;

import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.StreamId;
import io.farmhub.farm.EventApproval;
import io.farmhub.farm.StoredEvents;
import org.junit.jupiter.api.Test;

class TractorEventJsonTest {

    static final EventTypeRegistry REGISTRY = StoredEvents.registry();
    static final StreamId STREAM = Tractor.AGGREGATE.stream(TractorDeciderTest.CHASSIS);

    @Test
    void tractor_registered() {
        EventApproval.verify(REGISTRY, STREAM, TractorDeciderTest.REGISTERED);
    }

    @Test
    void tractor_serviced() {
        EventApproval.verify(REGISTRY, STREAM, TractorDeciderTest.SERVICED);
    }

    @Test
    void engine_hours_recorded() {
        EventApproval.verify(REGISTRY, STREAM, TractorDeciderTest.AT_T0_510);
    }
}
