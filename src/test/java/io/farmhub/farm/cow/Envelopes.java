package io.farmhub.farm.cow;

import io.farmhub.core.DomainEvent;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Stored envelopes for a cow's history, numbered from version 1, as a projection receives them. */
final class Envelopes {

    private Envelopes() {
    }

    static List<EventEnvelope> of(String earTag, List<? extends DomainEvent> events) {
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            DomainEvent e = events.get(i);
            envelopes.add(new EventEnvelope("evt-" + (i + 1), "farm/cow/" + earTag, i + 1,
                    e.getClass().getSimpleName(), 1, e.occurredAt(), Instant.parse("2026-11-27T05:00:00Z"),
                    "cmd-" + (i + 1), "cmd-" + (i + 1), "mary", "api:mary", null, Json.MAPPER.valueToTree(e)));
        }
        return envelopes;
    }

    static CowSummary summary(String earTag, List<? extends DomainEvent> events) {
        CowSummary s = CowSummary.empty(earTag);
        List<EventEnvelope> envelopes = of(earTag, events);
        for (int i = 0; i < events.size(); i++) {
            s = CowSummary.apply(s, envelopes.get(i), events.get(i));
        }
        return s;
    }

    static CowLocations locations(String earTag, List<? extends DomainEvent> events) {
        CowLocations s = CowLocations.empty(earTag);
        List<EventEnvelope> envelopes = of(earTag, events);
        for (int i = 0; i < events.size(); i++) {
            s = CowLocations.apply(s, envelopes.get(i), events.get(i));
        }
        return s;
    }
}
