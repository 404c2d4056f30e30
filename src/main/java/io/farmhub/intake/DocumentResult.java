package io.farmhub.intake;

import io.farmhub.commands.CommandState;
import io.farmhub.commands.CommandStatus;
import io.farmhub.core.CommandRequest;
import java.util.List;

/**
 * {@code <name>.result.json}, beside an archived document (interfaces.md):
 * {@code {"document", "submittedBy", "sha256", "commands": [{"commandId", "row", "commandType", "state", "errors": []}]}}.
 * {@code row} is the command's source row: the CSV data row (the first row of a TB inspection) or the position in
 * a JSON document.
 */
public record DocumentResult(String document, String submittedBy, String sha256, List<Command> commands) {

    public DocumentResult {
        commands = List.copyOf(commands);
    }

    public record Command(String commandId, int row, String commandType, CommandState state,
            List<CommandStatus.Error> errors) {

        public Command {
            errors = errors == null ? List.of() : List.copyOf(errors);
        }

        /** The line for a command, from what was submitted and the status it reached. */
        public static Command of(CommandRequest request, CommandStatus status) {
            return new Command(request.commandId(), request.source().row(), request.commandType(), status.state(),
                    status.errors());
        }
    }
}
