package io.farmhub.commands;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.farmhub.core.CommandSource;
import java.time.Instant;
import java.util.List;

/**
 * The command status of interfaces.md ("Command status"): the {@code command-status} projection over the
 * command's own stream {@code command/<CommandType>/<commandId>}, and the body of
 * {@code GET /api/commands/{commandId}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandStatus(
        String commandId,
        String commandType,
        CommandState state,
        String submittedBy,
        CommandSource source,
        Instant createdAt,
        Instant updatedAt,
        List<Step> steps,
        List<Error> errors,
        List<AppendedEvent> events) {

    /**
     * One pipeline step's outcome, e.g. {@code {"step": "validate", "status": "done", "at": "..."}}; {@code by} names
     * the user who asked for it, where that is someone other than the submitter's pipeline (a resume).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String step, String status, Instant at, String detail, String by) {

        public Step(String step, String status, Instant at, String detail) {
            this(step, status, at, detail, null);
        }
    }

    /** A rule the command broke, or the cause of a failure ({@code fatal}: the command cannot complete as sent). */
    public record Error(String code, String field, String message, boolean fatal) {
    }

    /** An event the command appended, e.g. {@code {"stream": "farm/cow/IE12345670012", "version": 4, "eventType": "AnimalRelocated"}}. */
    public record AppendedEvent(String stream, long version, String eventType) {
    }
}
