package io.farmhub.eventstore.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.TextNode;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.Json;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * An event on its way to the writer, with the work that needs no lock already done on the caller's thread:
 * its data as JSON text, its business date, and the size of its stored envelope.
 *
 * @param dataJson      the data column
 * @param occurredOn    the UTC business date, {@code yyyy-mm-dd}
 * @param envelopeBytes the UTF-8 NDJSON line of its envelope (newline included) as it would be stored at version 1
 *                      with a recordedAt that has milliseconds; {@link BatchSize} adjusts for the real ones
 */
record PendingEvent(NewEvent event, String dataJson, String occurredOn, long envelopeBytes) {

    /** Any instant with a non-zero millisecond: Jackson then writes recordedAt in its longest form. */
    static final Instant MEASURED_AT = Instant.ofEpochMilli(1);

    private static final TextNode EMPTY = TextNode.valueOf("");

    static PendingEvent of(StreamId stream, NewEvent e) {
        EventEnvelope envelope = EventEnvelope.stored(e, stream, 1, MEASURED_AT);
        String occurredOn;
        try {
            occurredOn = envelope.occurredOn().toString();
        } catch (DateTimeException ex) {
            throw new IllegalArgumentException("event " + e.eventId() + " of " + stream + " has occurredAt '"
                    + e.occurredAt() + "', which is neither an ISO-8601 date nor an instant", ex);
        }
        try {
            byte[] data = Json.MAPPER.writeValueAsBytes(e.data());
            // The envelope with an empty-string stand-in ("" = 2 bytes) for data, then the real data's bytes:
            // the data is serialised once, not twice.
            long header = Json.MAPPER.writeValueAsBytes(envelope.withData(e.schemaVersion(), EMPTY)).length;
            return new PendingEvent(e, new String(data, StandardCharsets.UTF_8), occurredOn,
                    header - 2 + data.length + 1);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("event " + e.eventId() + " cannot be written as JSON: "
                    + ex.getOriginalMessage(), ex);
        }
    }
}
