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
 * its data as JSON text (serialised once) and its business date.
 *
 * <p>Its stored size matters only near the 4 MiB a batch may carry, so an event first gives a cheap upper bound
 * ({@link #maxEnvelopeBytes}); the exact size ({@link #envelopeBytes}) costs a second serialisation of the
 * envelope and is computed only when a batch's bounds come near the limit.
 */
final class PendingEvent {

    /** Any instant with a non-zero millisecond: Jackson then writes recordedAt in its longest form. */
    static final Instant MEASURED_AT = Instant.ofEpochMilli(1);

    /**
     * Generous room for everything of an envelope line but its strings and data: the field names, quotes, commas,
     * the newline, a version of up to 19 digits, a schema version and recordedAt.
     */
    private static final int FRAME_BYTES = 512;
    /** Jackson writes a character as at most 6 bytes (a {@code \\uXXXX} escape; UTF-8 needs at most 3). */
    private static final int MAX_BYTES_PER_CHAR = 6;
    private static final TextNode EMPTY = TextNode.valueOf("");

    private final StreamId stream;
    private final NewEvent event;
    private final String dataJson;
    private final int dataBytes;
    private final String occurredOn;
    private final long maxEnvelopeBytes;
    private volatile long envelopeBytes = -1;

    private PendingEvent(StreamId stream, NewEvent event, String dataJson, int dataBytes, String occurredOn) {
        this.stream = stream;
        this.event = event;
        this.dataJson = dataJson;
        this.dataBytes = dataBytes;
        this.occurredOn = occurredOn;
        long chars = stream.toString().length() + length(event.eventId()) + length(event.eventType())
                + length(event.occurredAt()) + length(event.correlationId()) + length(event.causationId())
                + length(event.who()) + length(event.source()) + length(event.commentary());
        this.maxEnvelopeBytes = FRAME_BYTES + MAX_BYTES_PER_CHAR * chars + dataBytes;
    }

    static PendingEvent of(StreamId stream, NewEvent e) {
        String occurredOn;
        try {
            occurredOn = BusinessDate.of(e.occurredAt());
        } catch (DateTimeException ex) {
            throw new IllegalArgumentException("event " + e.eventId() + " of " + stream + " has occurredAt '"
                    + e.occurredAt() + "', which is neither an ISO-8601 date nor an instant", ex);
        }
        try {
            byte[] data = Json.MAPPER.writeValueAsBytes(e.data());
            return new PendingEvent(stream, e, new String(data, StandardCharsets.UTF_8), data.length, occurredOn);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("event " + e.eventId() + " cannot be written as JSON: "
                    + ex.getOriginalMessage(), ex);
        }
    }

    NewEvent event() {
        return event;
    }

    /** The data column. */
    String dataJson() {
        return dataJson;
    }

    /** The UTC business date, {@code yyyy-mm-dd}. */
    String occurredOn() {
        return occurredOn;
    }

    /** At least the size of its NDJSON envelope line, at any version and recordedAt. */
    long maxEnvelopeBytes() {
        return maxEnvelopeBytes;
    }

    /**
     * The UTF-8 NDJSON line of its envelope (newline included) as it would be stored at version 1 with a
     * recordedAt that has milliseconds; {@link BatchSize} adjusts for the real ones.
     */
    long envelopeBytes() {
        long bytes = envelopeBytes;
        if (bytes < 0) {
            EventEnvelope envelope = EventEnvelope.stored(event, stream, 1, MEASURED_AT);
            try {
                // The envelope with an empty-string stand-in ("" = 2 bytes) for data, then the real data's bytes.
                long header = Json.MAPPER.writeValueAsBytes(envelope.withData(event.schemaVersion(), EMPTY)).length;
                bytes = header - 2 + dataBytes + 1;
            } catch (JsonProcessingException ex) {
                throw new IllegalArgumentException("event " + event.eventId() + " cannot be written as JSON: "
                        + ex.getOriginalMessage(), ex);
            }
            envelopeBytes = bytes;
        }
        return bytes;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
