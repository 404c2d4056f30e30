package io.farmhub.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import java.util.List;
import java.util.UUID;

/** The events the store benchmarks append: small, realistic cow events (an AnimalRelocated-sized payload). */
final class Workloads {

    private Workloads() {
    }

    static StreamId cow(int i) {
        return StreamId.farm("cow", String.format("IE%010d", i));
    }

    static NewEvent event(StreamId stream, long n) {
        ObjectNode data = JsonNodeFactory.instance.objectNode()
                .put("earTag", stream.key())
                .put("from", "field:north-meadow")
                .put("to", "barn:main-barn")
                .put("movedOn", "2026-11-20");
        return new NewEvent(UUID.randomUUID().toString(), "AnimalRelocated", 1, "2026-11-20", "bench-" + n,
                "bench-" + n, "bench", "api:bench", null, data);
    }

    static List<NewEvent> one(StreamId stream, long n) {
        return List.of(event(stream, n));
    }
}
