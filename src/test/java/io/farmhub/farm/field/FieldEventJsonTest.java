package io.farmhub.farm.field;

import io.farmhub.core.EventTypeRegistry;
import io.farmhub.farm.EventApproval;
import io.farmhub.farm.StoredEvents;
import org.junit.jupiter.api.Test;

class FieldEventJsonTest {

    static final EventTypeRegistry REGISTRY = StoredEvents.registry();

    @Test
    void field_registered() {
        EventApproval.verify(REGISTRY, Field.AGGREGATE.stream("north-meadow"), FieldDeciderTest.REGISTERED);
    }

    @Test
    void crop_sown() {
        EventApproval.verify(REGISTRY, Field.AGGREGATE.stream("north-meadow"), FieldDeciderTest.SOWN);
    }

    @Test
    void crop_harvested() {
        EventApproval.verify(REGISTRY, Field.AGGREGATE.stream("north-meadow"), FieldDeciderTest.HARVESTED);
    }
}
