package io.farmhub.commands.herd;

import io.farmhub.core.Aggregate;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.farm.barn.BarnEvent.AnimalHoused;
import io.farmhub.farm.barn.BarnEvent.AnimalLeftBarn;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * A test-only herd for the pipeline's multi-stream tests, independent of the farm's own deciders: a cow on a
 * stream of her own ({@code farm/herdcow/<tag>}: on the farm, in which barn) and the barns' places on the real barn
 * streams ({@code farm/barn/<code>}, the real {@code AnimalHoused} / {@code AnimalLeftBarn}), so the real
 * compensation gives a place back.
 */
public final class Herd {

    public static final int CAPACITY = 2;

    /** A cow as this test herd sees her: whether she is on the farm, and where. */
    public record HerdCow(boolean onFarm, String barn) {
    }

    public record Arrived(String earTag, String barn, LocalDate on) implements DomainEvent {
        @Override
        public String occurredAt() {
            return on.toString();
        }
    }

    public record Moved(String earTag, String from, String to, LocalDate on) implements DomainEvent {
        @Override
        public String occurredAt() {
            return on.toString();
        }
    }

    public record Sold(String earTag, LocalDate on) implements DomainEvent {
        @Override
        public String occurredAt() {
            return on.toString();
        }
    }

    public static final Aggregate<HerdCow> COW = new Aggregate<>("farm", "herdcow", new HerdCow(false, null),
            Herd::evolve);

    /** The ear tags housed in a barn, folded from the barn's place events only. */
    public static final Aggregate<Set<String>> PLACES = new Aggregate<>("farm", "barn", Set.of(), Herd::places);

    private Herd() {
    }

    public static EventTypeRegistry register(EventTypeRegistry types) {
        return types.register("HerdCowArrived", 1, Arrived.class)
                .register("HerdCowMoved", 1, Moved.class)
                .register("HerdCowSold", 1, Sold.class);
    }

    static HerdCow evolve(HerdCow cow, DomainEvent event) {
        if (event instanceof Arrived a) {
            return new HerdCow(true, a.barn());
        }
        if (event instanceof Moved m) {
            return new HerdCow(true, m.to());
        }
        if (event instanceof Sold) {
            return new HerdCow(false, null);
        }
        return cow;
    }

    static Set<String> places(Set<String> housed, DomainEvent event) {
        Set<String> next = new HashSet<>(housed);
        if (event instanceof AnimalHoused h) {
            next.add(h.earTag());
        } else if (event instanceof AnimalLeftBarn l) {
            next.remove(l.earTag());
        } else {
            return housed;
        }
        return Set.copyOf(next);
    }
}
