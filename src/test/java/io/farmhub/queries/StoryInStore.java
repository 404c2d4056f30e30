package io.farmhub.queries;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.EventStore;
import io.farmhub.farm.query.ExampleFarm;
import java.util.List;
import java.util.Map;

/**
 * The example story's events (decided by the real handlers in memory) appended to a real event store, stream
 * by stream, with their ids and provenance: a farm for the engine to read without the command pipeline.
 */
final class StoryInStore {

    private StoryInStore() {
    }

    static void append(EventStore store) {
        for (Map.Entry<StreamId, List<EventEnvelope>> stream : ExampleFarm.story().streams().envelopes().entrySet()) {
            List<NewEvent> events = stream.getValue().stream().map(StoryInStore::event).toList();
            AppendResult result = store.append(stream.getKey(), 0, events);
            if (!(result instanceof AppendResult.Appended)) {
                throw new IllegalStateException("the story could not be stored: " + result);
            }
        }
    }

    static NewEvent event(EventEnvelope e) {
        return new NewEvent(e.eventId(), e.eventType(), e.schemaVersion(), e.occurredAt(), e.correlationId(),
                e.causationId(), e.who(), e.source(), e.commentary(), e.data());
    }
}
