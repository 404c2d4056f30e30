package io.farmhub.farm.cow;

import io.farmhub.core.EventTypeRegistry;
import io.farmhub.farm.cow.CowEvent.*;

/** The stored names of the cow events: domain.md's names, schema version 1. */
public final class CowEvents {

    private CowEvents() {
    }

    public static EventTypeRegistry register(EventTypeRegistry registry) {
        return registry
                .register("AnimalBorn", 1, AnimalBorn.class)
                .register("AnimalPurchased", 1, AnimalPurchased.class)
                .register("AnimalSold", 1, AnimalSold.class)
                .register("AnimalDied", 1, AnimalDied.class)
                .register("AnimalRelocated", 1, AnimalRelocated.class)
                .register("AnimalInseminated", 1, AnimalInseminated.class)
                .register("TBTestRecorded", 1, TBTestRecorded.class)
                .register("MilkRecorded", 1, MilkRecorded.class);
    }
}
