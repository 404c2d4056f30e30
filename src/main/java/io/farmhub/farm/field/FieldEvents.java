package io.farmhub.farm.field;

import io.farmhub.core.EventTypeRegistry;

/** The field's event types under their domain.md names. */
public final class FieldEvents {

    private FieldEvents() {
    }

    public static EventTypeRegistry register(EventTypeRegistry registry) {
        return registry
                .register("FieldRegistered", 1, FieldEvent.FieldRegistered.class)
                .register("CropSown", 1, FieldEvent.CropSown.class)
                .register("CropHarvested", 1, FieldEvent.CropHarvested.class);
    }
}
