package io.farmhub.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.Json;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.EventStore;
import io.farmhub.farm.query.ExampleFarmStreams;
import io.farmhub.notify.Notification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The example story appended to a real event store, one event per append as the command pipeline stores them,
 * with the {@code farm.event-appended} notification each append raises.
 */
public final class StoredStory {

    private StoredStory() {
    }

    /** Appends the whole story; the notifications, one per event, in append order. */
    public static List<Notification> append(EventStore store) {
        List<Notification> raised = new ArrayList<>();
        for (Map.Entry<StreamId, List<EventEnvelope>> stream : ExampleFarmStreams.envelopes().entrySet()) {
            for (EventEnvelope e : stream.getValue()) {
                raised.add(append(store, stream.getKey(), e));
            }
        }
        return raised;
    }

    static Notification append(EventStore store, StreamId stream, EventEnvelope e) {
        return append(store, stream, e.eventType(), e.occurredAt(), e.data());
    }

    static Notification append(EventStore store, StreamId stream, String eventType, String occurredAt,
            com.fasterxml.jackson.databind.JsonNode data) {
        long version = store.version(stream);
        NewEvent event = new NewEvent(java.util.UUID.randomUUID().toString(), eventType, 1, occurredAt, "cmd-test",
                "cmd-test", "mary", "api:mary", null, data);
        AppendResult result = store.append(stream, version, List.of(event));
        assertThat(result).isInstanceOf(AppendResult.Appended.class);
        return eventAppended(stream, version + 1, eventType, event.eventId());
    }

    static Notification eventAppended(StreamId stream, long version, String eventType, String eventId) {
        ObjectNode data = Json.MAPPER.createObjectNode().put("stream", stream.toString()).put("version", version)
                .put("eventType", eventType).put("correlationId", "cmd-test");
        return new Notification(eventId, "farm.event-appended", "/farmhub/" + stream.category(),
                stream.aggregate() + "/" + stream.key(), java.time.Instant.now(), data);
    }
}
