package io.farmhub.commands;

import io.farmhub.core.Rejection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Ends a command INVALID: the rejection goes on the command's stream first (the truth), then into the
 * command-errors record (code, field, message, who and from where). Writing an error again after a crash
 * replaces the same record, so it is never listed twice.
 */
@Component
public class CommandRejections {

    private final CommandLog log;
    private final CommandErrors errors;

    public CommandRejections(CommandLog log, CommandErrors errors) {
        this.log = log;
        this.errors = errors;
    }

    /** The entry that says {@code step} rejected the command, every broken rule fatal. */
    CommandEntry.Rejected rejected(WorkflowStep step, List<Rejection> rejections) {
        List<CommandStatus.Error> fatal = rejections.stream()
                .map(r -> new CommandStatus.Error(r.code().name(), r.field(), r.message(), true))
                .toList();
        return new CommandEntry.Rejected(step.label(), fatal, log.now());
    }

    /** Records the rejection on the command's stream (unless another driver moved it on) and in command-errors. */
    CommandProgress reject(CommandProgress progress, WorkflowStep step, List<Rejection> rejections) {
        CommandProgress after = log.record(progress, rejected(step, rejections)).orElseGet(() -> log.reload(progress));
        return reported(progress, after);
    }

    /** Writes the errors of a command that just became INVALID to the command-errors record. */
    CommandProgress reported(CommandProgress before, CommandProgress after) {
        if (after.state() == CommandState.INVALID && before.state() != CommandState.INVALID) {
            CommandStatus s = after.status();
            for (CommandStatus.Error e : s.errors()) {
                errors.record(new CommandError(s.updatedAt(), s.commandId(), s.commandType(), e.code(), e.field(),
                        e.message(), s.submittedBy(), s.source()));
            }
        }
        return after;
    }
}
