package io.farmhub.queries;

import io.farmhub.core.DomainEvent;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.EventStore;
import io.farmhub.farm.Farm;
import io.farmhub.farm.Location;
import io.farmhub.farm.Money;
import io.farmhub.farm.cow.Cow;
import io.farmhub.farm.cow.CowEvent;
import io.farmhub.farm.cow.Sex;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Writes to a farm straight into the store, as an accepted command would: for the read side's tests. */
final class FarmWrites {

    static final EventTypeRegistry REGISTRY = Farm.registerEvents(new EventTypeRegistry());

    private FarmWrites() {
    }

    static AppendResult.Appended append(EventStore store, StreamId stream, DomainEvent event) {
        EventTypeRegistry.EventType type = REGISTRY.typeOf(event.getClass());
        String id = UUID.randomUUID().toString();
        NewEvent stored = new NewEvent(id, type.name(), type.schemaVersion(), event.occurredAt(), "cmd-" + id,
                "cmd-" + id, "mary", "api:mary", null, REGISTRY.toData(event));
        return (AppendResult.Appended) store.append(stream, store.version(stream), List.of(stored));
    }

    static AppendResult.Appended milk(EventStore store, String earTag, String litres) {
        return append(store, Cow.AGGREGATE.stream(earTag),
                new CowEvent.MilkRecorded(earTag, Instant.parse("2026-11-27T16:40:00Z"), new BigDecimal(litres)));
    }

    static AppendResult.Appended buy(EventStore store, String earTag, String location) {
        return append(store, Cow.AGGREGATE.stream(earTag), new CowEvent.AnimalPurchased(earTag, "H778812", Sex.F,
                "Shorthorn", LocalDate.parse("2023-04-04"), LocalDate.parse("2026-11-27"), "Doyle Mart",
                new Money(new BigDecimal("1500.00"), "EUR"), Location.parse(location).orElseThrow()));
    }
}
