package io.farmhub.eventstore.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.Json;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The size the writer computes from the callers' measurements is the size of the real NDJSON, to the byte. */
class BatchSizeTest {

    private static final StreamId STREAM = StreamId.farm("cow", "IE12345670012");

    @ParameterizedTest
    @CsvSource({"1, 2026-11-27T05:01:02.123Z", "8, 2026-11-27T05:01:02Z", "98, 2026-11-27T05:01:02.100Z",
            "999, 2026-11-27T05:01:03Z", "1000000, 2026-11-27T05:01:02.001Z"})
    void the_computed_size_is_the_stored_ndjson_size(long firstVersion, Instant recordedAt) throws Exception {
        List<NewEvent> events = List.of(
                new NewEvent("e1", "AnimalRelocated", 1, "2026-11-20", "cmd", "cmd", "máire", "api:máire", "Bó 🐄",
                        Json.MAPPER.createObjectNode().put("to", "field:north-meadow").put("n", 3)),
                new NewEvent("e2", "MilkRecorded", 2, "2026-11-26T06:12:00Z", null, null, null, "sensor:c", null,
                        Json.MAPPER.createObjectNode().put("litres", "12.4").put("cjk", "牛")),
                new NewEvent("e3", "Empty", 1, "2026-11-26", "c", "c", "w", "s", null, Json.MAPPER.createArrayNode()));
        List<PendingEvent> pending = new ArrayList<>();
        long real = 0;
        for (int i = 0; i < events.size(); i++) {
            pending.add(PendingEvent.of(STREAM, events.get(i)));
            EventEnvelope stored = EventEnvelope.stored(events.get(i), STREAM, firstVersion + i, recordedAt);
            real += Json.MAPPER.writeValueAsBytes(stored).length + 1;
        }

        assertThat(BatchSize.of(pending, firstVersion, recordedAt.toEpochMilli())).isEqualTo(real);
    }
}
