package io.farmhub.commands;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.CommandSource;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One command of a batch ({@link CommandBatches}) and what became of it, as its batch's record keeps it: the command
 * as submitted, where it was refused ({@code rejectedAt}, a step's label, with its errors), or the events it appended
 * on its one stream, or why it changed nothing ({@code unchanged}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchedCommand(String commandId, String commandType, JsonNode payload, String payloadHash,
        String submittedBy, CommandSource source, Set<String> grantedRoles, Instant createdAt, String rejectedAt,
        List<CommandStatus.Error> errors, String stream, List<CommandStatus.AppendedEvent> events,
        List<String> eventIds, String unchanged) {

    public BatchedCommand {
        errors = errors == null ? List.of() : List.copyOf(errors);
        events = events == null ? List.of() : List.copyOf(events);
        eventIds = eventIds == null ? List.of() : List.copyOf(eventIds);
    }

    /** Admitted, not decided yet. */
    static BatchedCommand admitted(CommandEntry.Created c) {
        return new BatchedCommand(c.commandId(), c.commandType(), c.payload(), c.payloadHash(), c.submittedBy(),
                c.source(), c.grantedRoles(), c.at(), null, null, null, null, null, null);
    }

    BatchedCommand rejected(WorkflowStep step, List<CommandStatus.Error> why) {
        return rejected(step, why, null);
    }

    /** Refused at {@code step}; {@code onStream} is the stream its decision read (null before the handle step). */
    BatchedCommand rejected(WorkflowStep step, List<CommandStatus.Error> why, String onStream) {
        return new BatchedCommand(commandId, commandType, payload, payloadHash, submittedBy, source, grantedRoles,
                createdAt, step.label(), why, onStream, null, null, null);
    }

    BatchedCommand decided(String onStream, List<CommandStatus.AppendedEvent> appended, List<String> ids,
            String why) {
        return new BatchedCommand(commandId, commandType, payload, payloadHash, submittedBy, source, grantedRoles,
                createdAt, null, null, onStream, appended, ids, appended.isEmpty() ? why : null);
    }

    boolean refused() {
        return rejectedAt != null;
    }

    CommandState state() {
        return refused() ? CommandState.INVALID : CommandState.COMPLETED;
    }

    CommandEntry.Created created() {
        return new CommandEntry.Created(commandId, commandType, payload, payloadHash, submittedBy, source, createdAt,
                grantedRoles);
    }
}
