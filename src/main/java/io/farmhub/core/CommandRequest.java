package io.farmhub.core;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A command as it arrives, before it is validated: from the REST API, an inbox document, a sensor reading
 * or a schedule. {@code commandId} is always set by the time the pipeline sees it (the inbox derives it
 * from the document's SHA-256 and row, a sensor from {@code sensor:<sensorId>:<at>}).
 *
 * @param payload     the raw JSON payload, exactly as sent
 * @param submittedBy the user the command runs as (its roles apply)
 */
public record CommandRequest(String commandType, String commandId, JsonNode payload, String submittedBy,
        CommandSource source) {
}
