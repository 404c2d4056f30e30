package io.farmhub.bench;

import io.farmhub.core.DomainEvent;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.EventStore;
import io.farmhub.farm.Farm;
import io.farmhub.farm.Location;
import io.farmhub.farm.Money;
import io.farmhub.farm.barn.Barn;
import io.farmhub.farm.barn.BarnEvent;
import io.farmhub.farm.cow.Cow;
import io.farmhub.farm.cow.CowEvent;
import io.farmhub.farm.cow.Sex;
import io.farmhub.farm.cow.TbResult;
import io.farmhub.farm.field.Field;
import io.farmhub.farm.field.FieldEvent;
import io.farmhub.farm.tractor.Tractor;
import io.farmhub.farm.tractor.TractorEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A farm for the query benchmarks, written straight into a store: two fields, two barns, two tractors and
 * {@code cows} cows, each bought, moved once and TB tested (three events per cow, as the example story's cows).
 */
final class BenchFarm {

    private static final EventTypeRegistry TYPES = Farm.registerEvents(new EventTypeRegistry());
    private static final LocalDate DAY = LocalDate.parse("2026-11-02");
    private static final Location MEADOW = Location.field("north-meadow");
    private static final Location BARN = Location.barn("main-barn");

    private BenchFarm() {
    }

    static void write(EventStore store, int cows) throws Exception {
        append(store, Field.AGGREGATE.stream("north-meadow"), new FieldEvent.FieldRegistered("north-meadow",
                "North Meadow", new BigDecimal("12.5"), DAY));
        append(store, Field.AGGREGATE.stream("river-field"), new FieldEvent.FieldRegistered("river-field",
                "River Field", new BigDecimal("8.0"), DAY), new FieldEvent.CropSown("river-field", "kale", DAY));
        append(store, Barn.AGGREGATE.stream("main-barn"), new BarnEvent.BarnRegistered("main-barn", "Main Barn",
                cows, DAY));
        append(store, Barn.AGGREGATE.stream("calf-shed"), new BarnEvent.BarnRegistered("calf-shed", "Calf Shed",
                12, DAY));
        append(store, Tractor.AGGREGATE.stream("JD6R155X001234"), new TractorEvent.TractorRegistered(
                "JD6R155X001234", "John Deere", "6R 155", 2021, DAY));
        append(store, Tractor.AGGREGATE.stream("MF7S165A004521"), new TractorEvent.TractorRegistered(
                "MF7S165A004521", "Massey Ferguson", "7S.165", 2022, DAY), new TractorEvent.TractorServiced(
                "MF7S165A004521", DAY, new BigDecimal("812.5"), "oil"));
        // Sixteen writers, so the store's group commit carries the load instead of one fsync per cow.
        ExecutorService writers = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 16; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    for (int i = writer; i < cows; i += 16) {
                        cow(store, i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            writers.shutdownNow();
        }
    }

    static String earTag(int i) {
        return String.format("IE%010d", i);
    }

    private static void cow(EventStore store, int i) {
        String tag = earTag(i);
        append(store, Cow.AGGREGATE.stream(tag),
                new CowEvent.AnimalPurchased(tag, "H123456", i % 3 == 0 ? Sex.M : Sex.F, "Holstein Friesian",
                        LocalDate.parse("2023-03-14"), DAY, "Kelly Livestock", Money.of("1450.00", "EUR"), MEADOW),
                new CowEvent.AnimalRelocated(tag, MEADOW, BARN, DAY.plusDays(10)),
                new CowEvent.TBTestRecorded(tag, "TB-2026-11", DAY.plusDays(12), "Dr. Byrne",
                        i % 10 == 0 ? TbResult.INCONCLUSIVE : TbResult.CLEAR));
    }

    private static void append(EventStore store, StreamId stream, DomainEvent... events) {
        List<NewEvent> batch = new ArrayList<>();
        for (DomainEvent e : events) {
            EventTypeRegistry.EventType type = TYPES.typeOf(e.getClass());
            String id = UUID.randomUUID().toString();
            batch.add(new NewEvent(id, type.name(), type.schemaVersion(), e.occurredAt(), "bench-" + id,
                    "bench-" + id, "bench", "api:bench", null, TYPES.toData(e)));
        }
        if (!(store.append(stream, 0, batch) instanceof AppendResult.Appended)) {
            throw new IllegalStateException("the bench farm could not be written to " + stream);
        }
    }
}
