package io.farmhub.commands;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.farmhub.core.CommandSource;
import java.time.Instant;

/**
 * One entry of the {@code command-errors} record: a rejected or forbidden command, or a rejected document.
 * Holds the code, the field, a readable message, who sent it and from where; never a stack trace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandError(
        Instant at,
        String commandId,
        String commandType,
        String code,
        String field,
        String message,
        String submittedBy,
        CommandSource source) {
}
