package io.farmhub.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * A command as it arrives, before it is validated: from the REST API, an inbox document, a sensor reading
 * or a schedule. {@code commandId} is always set by the time the pipeline sees it (the inbox derives it
 * from the document's SHA-256 and row, a sensor from {@code sensor:<sensorId>:<at>}).
 *
 * @param payload     the raw JSON payload, exactly as sent
 * @param submittedBy  the user the command runs as (its roles apply)
 * @param grantedRoles the roles a bearer token granted the submitter, which no configuration holds, so the command
 *                     carries them to its authorise step; null for a configured user, whose configured roles apply
 */
public record CommandRequest(String commandType, String commandId, JsonNode payload, String submittedBy,
        CommandSource source, @JsonInclude(JsonInclude.Include.NON_NULL) Set<String> grantedRoles) {

    public CommandRequest {
        grantedRoles = grantedRoles == null ? null : Set.copyOf(grantedRoles);
    }

    /** A command from a configured user (inbox folder, API key, schedule, Event Hubs gateway). */
    public CommandRequest(String commandType, String commandId, JsonNode payload, String submittedBy,
            CommandSource source) {
        this(commandType, commandId, payload, submittedBy, source, null);
    }

    /** The same command, submitted with the roles a token granted its submitter. */
    public CommandRequest withGrantedRoles(Set<String> roles) {
        return new CommandRequest(commandType, commandId, payload, submittedBy, source, roles);
    }
}
