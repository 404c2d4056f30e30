package io.farmhub.farm.tractor;

import io.farmhub.core.EventTypeRegistry;

/** The tractor's event types under their domain.md names. */
public final class TractorEvents {

    private TractorEvents() {
    }

    public static EventTypeRegistry register(EventTypeRegistry registry) {
        return registry
                .register("TractorRegistered", 1, TractorEvent.TractorRegistered.class)
                .register("TractorServiced", 1, TractorEvent.TractorServiced.class)
                .register("EngineHoursRecorded", 1, TractorEvent.EngineHoursRecorded.class);
    }
}
