package io.farmhub.farm;

import io.farmhub.core.DomainEvent;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.farm.barn.BarnEvents;
import io.farmhub.farm.field.FieldEvents;
import io.farmhub.farm.loan.LoanEvents;
import io.farmhub.farm.tractor.TractorEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Events as the store hands them to projections: envelopes with versions from 1, fixed ids and times. */
public final class StoredEvents {

    public static final Instant RECORDED_AT = Instant.parse("2026-11-27T05:01:02.123Z");

    /** The registry with every event type of the field, barn, tractor and loan packages. */
    public static EventTypeRegistry registry() {
        EventTypeRegistry registry = new EventTypeRegistry();
        FieldEvents.register(registry);
        BarnEvents.register(registry);
        TractorEvents.register(registry);
        LoanEvents.register(registry);
        return registry;
    }

    /** One stored event and its typed form, as a projection receives them. */
    public record Stored(EventEnvelope envelope, DomainEvent event) {
    }

    private StoredEvents() {
    }

    public static EventEnvelope envelope(EventTypeRegistry registry, StreamId stream, long version, DomainEvent e) {
        String type = registry.typeOf(e.getClass()).name();
        NewEvent event = new NewEvent("00000000-0000-4000-8000-" + String.format("%012d", version), type,
                registry.typeOf(e.getClass()).schemaVersion(), e.occurredAt(), "cmd-1", "cmd-1", "mary",
                "api:mary", null, registry.toData(e));
        return EventEnvelope.stored(event, stream, version, RECORDED_AT);
    }

    public static List<Stored> stored(EventTypeRegistry registry, StreamId stream, List<? extends DomainEvent> events) {
        List<Stored> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            out.add(new Stored(envelope(registry, stream, i + 1, events.get(i)), events.get(i)));
        }
        return out;
    }
}
