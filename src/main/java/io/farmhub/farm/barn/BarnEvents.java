package io.farmhub.farm.barn;

import io.farmhub.core.EventTypeRegistry;

/** The barn's event types under their domain.md names. */
public final class BarnEvents {

    private BarnEvents() {
    }

    public static EventTypeRegistry register(EventTypeRegistry registry) {
        return registry
                .register("BarnRegistered", 1, BarnEvent.BarnRegistered.class)
                .register("BarnTemperatureRecorded", 1, BarnEvent.BarnTemperatureRecorded.class)
                .register("BarnTemperatureAlertRaised", 1, BarnEvent.BarnTemperatureAlertRaised.class)
                .register("BarnTemperatureAlertCleared", 1, BarnEvent.BarnTemperatureAlertCleared.class)
                .register("AnimalHoused", 1, BarnEvent.AnimalHoused.class)
                .register("AnimalLeftBarn", 1, BarnEvent.AnimalLeftBarn.class);
    }
}
