package io.farmhub.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A stored event exactly as interfaces.md ("Stored events") shows it; this record's JSON is the wire
 * and storage format (one line per envelope in an append blob, the REST stream endpoint).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        String eventId,
        String stream,
        long version,
        String eventType,
        int schemaVersion,
        String occurredAt,
        Instant recordedAt,
        String correlationId,
        String causationId,
        String who,
        String source,
        String commentary,
        JsonNode data) {

    public static EventEnvelope stored(NewEvent e, StreamId stream, long version, Instant recordedAt) {
        return new EventEnvelope(e.eventId(), stream.toString(), version, e.eventType(), e.schemaVersion(),
                e.occurredAt(), recordedAt, e.correlationId(), e.causationId(), e.who(), e.source(),
                e.commentary(), e.data());
    }

    public StreamId streamId() {
        return StreamId.parse(stream);
    }

    /** The business date of the event (an instant counts on its UTC date): what {@code asOf} compares. */
    public LocalDate occurredOn() {
        return businessDate(occurredAt);
    }

    /** True when the event belongs to the world as it was on {@code asOf} and as it was known at {@code knownAt}. */
    public boolean visibleAt(LocalDate asOf, Instant knownAt) {
        return (asOf == null || !occurredOn().isAfter(asOf))
                && (knownAt == null || !recordedAt.isAfter(knownAt));
    }

    public EventEnvelope withData(int newSchemaVersion, JsonNode newData) {
        return new EventEnvelope(eventId, stream, version, eventType, newSchemaVersion, occurredAt, recordedAt,
                correlationId, causationId, who, source, commentary, newData);
    }

    /** The business date of an {@code occurredAt}: a date as it is, an instant on its UTC date. */
    public static LocalDate businessDate(String isoDateOrInstant) {
        if (isoDateOrInstant.length() <= 10) {
            return LocalDate.parse(isoDateOrInstant);
        }
        return OffsetDateTime.parse(isoDateOrInstant).atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDate();
    }
}
