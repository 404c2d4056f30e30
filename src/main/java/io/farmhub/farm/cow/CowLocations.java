package io.farmhub.farm.cow;

import io.farmhub.core.EventEnvelope;
import io.farmhub.farm.Location;
import io.farmhub.farm.cow.CowEvent.*;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code cow-locations} projection: every place the animal has been, with dates, as of stream
 * {@code version}. A stay runs from {@code from} up to but not including {@code until}: on the day of a move
 * she counts at the new place; on the day she is sold or dies she counts nowhere.
 */
public record CowLocations(String earTag, long version, List<Stay> stays) {

    /** @param until null while she is still there */
    public record Stay(Location location, LocalDate from, LocalDate until) {
    }

    public CowLocations {
        stays = List.copyOf(stays);
    }

    public static CowLocations empty(String earTag) {
        return new CowLocations(earTag, 0, List.of());
    }

    /** Folds one envelope of the cow's stream; one it has already seen (version not newer) changes nothing. */
    public static CowLocations apply(CowLocations s, EventEnvelope envelope, Object event) {
        if (envelope.version() <= s.version) {
            return s;
        }
        List<Stay> stays = new ArrayList<>(s.stays);
        if (event instanceof AnimalBorn b) {
            arrive(stays, b.location(), b.bornOn());
        } else if (event instanceof AnimalPurchased p) {
            arrive(stays, p.location(), p.purchasedOn());
        } else if (event instanceof AnimalRelocated r) {
            arrive(stays, r.to(), r.movedOn());
        } else if (event instanceof AnimalSold sold) {
            leave(stays, sold.soldOn());
        } else if (event instanceof AnimalDied died) {
            leave(stays, died.diedOn());
        }
        return new CowLocations(s.earTag, envelope.version(), stays);
    }

    /** Where she was on {@code day}; empty before she came, after she left, or between two spells on the farm. */
    public Optional<Location> locationOn(LocalDate day) {
        return stays.stream()
                .filter(st -> !st.from().isAfter(day) && (st.until() == null || day.isBefore(st.until())))
                .reduce((first, later) -> later)
                .map(Stay::location);
    }

    public Optional<Location> current() {
        return stays.isEmpty() || stays.get(stays.size() - 1).until() != null
                ? Optional.empty()
                : Optional.of(stays.get(stays.size() - 1).location());
    }

    private static void arrive(List<Stay> stays, Location to, LocalDate on) {
        leave(stays, on);
        stays.add(new Stay(to, on, null));
    }

    private static void leave(List<Stay> stays, LocalDate on) {
        int last = stays.size() - 1;
        if (last >= 0 && stays.get(last).until() == null) {
            Stay open = stays.get(last);
            stays.set(last, new Stay(open.location(), open.from(), on));
        }
    }
}
