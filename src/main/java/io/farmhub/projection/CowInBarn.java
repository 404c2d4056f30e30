package io.farmhub.projection;

import io.farmhub.core.EventEnvelope;
import io.farmhub.farm.Location;
import io.farmhub.farm.cow.CowEvent;

/**
 * The barn-summary's checkpoint on one cow stream: the barn the cow is in as of {@code version} (null when she
 * is in a field or off the farm). The barns learn of a cow only when this changes.
 */
record CowInBarn(String earTag, long version, String barn) {

    static CowInBarn empty(String earTag) {
        return new CowInBarn(earTag, 0, null);
    }

    static CowInBarn apply(CowInBarn s, EventEnvelope envelope, Object event) {
        if (envelope.version() <= s.version) {
            return s;
        }
        String barn = s.barn;
        if (event instanceof CowEvent.AnimalBorn e) {
            barn = barnOf(e.location());
        } else if (event instanceof CowEvent.AnimalPurchased e) {
            barn = barnOf(e.location());
        } else if (event instanceof CowEvent.AnimalRelocated e) {
            barn = barnOf(e.to());
        } else if (event instanceof CowEvent.AnimalSold || event instanceof CowEvent.AnimalDied) {
            barn = null;
        }
        return new CowInBarn(s.earTag, envelope.version(), barn);
    }

    private static String barnOf(Location location) {
        return location != null && location.kind() == Location.Kind.BARN ? location.code() : null;
    }
}
