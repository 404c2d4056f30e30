package io.farmhub.farm;

import io.farmhub.core.DomainEvent;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.farm.query.StreamView.Projection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Events as the store hands them to projections and queries: envelopes with versions from 1, fixed ids and,
 * unless a test says otherwise, one fixed provenance (command {@code cmd-1} by mary through the API, recorded
 * at {@link #RECORDED_AT}). The one place tests turn domain events into stored envelopes.
 */
public final class StoredEvents {

    public static final Instant RECORDED_AT = Instant.parse("2026-11-27T05:01:02.123Z");

    /** Where an event came from and when it was stored: what its envelope says besides the event itself. */
    public record Provenance(String commandId, String who, String source, Instant recordedAt) {
    }

    public static final Provenance DEFAULT = new Provenance("cmd-1", "mary", "api:mary", RECORDED_AT);

    /** One stored event and its typed form, as a projection receives them. */
    public record Stored(EventEnvelope envelope, DomainEvent event) {
    }

    private StoredEvents() {
    }

    /** Every farm event type, as the application registers them. */
    public static EventTypeRegistry registry() {
        return Farm.registerEvents(new EventTypeRegistry());
    }

    public static EventEnvelope envelope(EventTypeRegistry registry, StreamId stream, long version, DomainEvent e) {
        return envelope(registry, stream, version, e, DEFAULT);
    }

    public static EventEnvelope envelope(EventTypeRegistry registry, StreamId stream, long version, DomainEvent e,
            Provenance p) {
        EventTypeRegistry.EventType type = registry.typeOf(e.getClass());
        NewEvent event = new NewEvent("00000000-0000-4000-8000-" + String.format("%012d", version), type.name(),
                type.schemaVersion(), e.occurredAt(), p.commandId(), p.commandId(), p.who(), p.source(), null,
                registry.toData(e));
        return EventEnvelope.stored(event, stream, version, p.recordedAt());
    }

    public static List<Stored> stored(EventTypeRegistry registry, StreamId stream, List<? extends DomainEvent> events) {
        List<Stored> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            out.add(new Stored(envelope(registry, stream, i + 1, events.get(i)), events.get(i)));
        }
        return out;
    }

    public static List<Stored> stored(StreamId stream, List<? extends DomainEvent> events) {
        return stored(registry(), stream, events);
    }

    public static List<EventEnvelope> envelopes(StreamId stream, List<? extends DomainEvent> events) {
        return stored(stream, events).stream().map(Stored::envelope).toList();
    }

    /** A projection of one stream after these events, folded from {@code empty}. */
    public static <S> S project(S empty, StreamId stream, List<? extends DomainEvent> events, Projection<S> apply) {
        S state = empty;
        for (Stored s : stored(stream, events)) {
            state = apply.apply(state, s.envelope(), s.event());
        }
        return state;
    }
}
