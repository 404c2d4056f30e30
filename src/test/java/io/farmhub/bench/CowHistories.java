package io.farmhub.bench;

import io.farmhub.core.DomainEvent;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.farm.Location;
import io.farmhub.farm.Money;
import io.farmhub.farm.cow.CowEvent;
import io.farmhub.farm.cow.Sex;
import io.farmhub.farm.cow.TbResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Realistic cow streams for the read-side benchmarks: a purchase, then mostly milkings twice a day, with a move
 * every 50 events, a TB test every 200 and a service every 300, as the domain's own event types.
 */
final class CowHistories {

    private static final Location FIELD = Location.field("north-meadow");
    private static final Location BARN = Location.barn("main-barn");
    private static final Instant FIRST_MILKING = Instant.parse("2025-01-01T06:00:00Z");

    private final EventTypeRegistry registry;

    CowHistories(EventTypeRegistry registry) {
        this.registry = registry;
    }

    static StreamId cow(int i) {
        return StreamId.farm("cow", String.format("IE%010d", i));
    }

    /** Event number {@code n} (1 = the purchase) of cow {@code stream}. */
    NewEvent event(StreamId stream, long n) {
        String tag = stream.key();
        DomainEvent e;
        if (n == 1) {
            e = new CowEvent.AnimalPurchased(tag, "H778812", Sex.F, "Friesian", LocalDate.parse("2022-02-11"),
                    LocalDate.parse("2024-12-30"), "Doyle Mart", new Money(new BigDecimal("1380.00"), "EUR"), FIELD);
        } else if (n % 50 == 0) {
            boolean toBarn = (n / 50) % 2 == 1;
            e = new CowEvent.AnimalRelocated(tag, toBarn ? FIELD : BARN, toBarn ? BARN : FIELD, day(n));
        } else if (n % 200 == 1) {
            e = new CowEvent.TBTestRecorded(tag, "TB-" + n, day(n), "Dr. Walsh", TbResult.CLEAR);
        } else if (n % 300 == 2) {
            e = new CowEvent.AnimalInseminated(tag, day(n), "J. Byrne", "FR-4411");
        } else {
            e = new CowEvent.MilkRecorded(tag, FIRST_MILKING.plusSeconds(n * 43_200), new BigDecimal("12.4"));
        }
        EventTypeRegistry.EventType type = registry.typeOf(e.getClass());
        return new NewEvent(UUID.randomUUID().toString(), type.name(), type.schemaVersion(), e.occurredAt(),
                "bench-" + n, "bench-" + n, "bench", "api:bench", null, registry.toData(e));
    }

    private static LocalDate day(long n) {
        return FIRST_MILKING.plusSeconds(n * 43_200).atOffset(java.time.ZoneOffset.UTC).toLocalDate();
    }
}
