package io.farmhub.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * An event about to be appended: everything of the stored envelope except what the store assigns
 * (the stream, the version and recordedAt).
 *
 * @param eventId        stable id; deriving it from the command id makes a re-driven command idempotent
 * @param occurredAt     business time, ISO-8601 date ({@code 2026-11-20}) or instant ({@code 2026-11-26T06:05:00Z})
 * @param correlationId  the command id
 * @param causationId    id of what caused it (the command id, or the event that triggered it)
 * @param who            the user the command ran as
 * @param source         {@code inbox:<user>/<document>#<n>}, {@code api:<user>}, {@code sensor:<id>} or {@code schedule:<name>}
 * @param commentary     optional free text
 */
public record NewEvent(
        String eventId,
        String eventType,
        int schemaVersion,
        String occurredAt,
        String correlationId,
        String causationId,
        String who,
        String source,
        String commentary,
        JsonNode data) {

    public NewEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(data, "data");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion starts at 1");
        }
    }
}
