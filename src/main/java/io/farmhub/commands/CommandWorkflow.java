package io.farmhub.commands;

import io.farmhub.core.Rejection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of a command's workflow, one method each, called in order by the {@code command-workflow} route.
 * Each takes the command's progress and returns it after its own entry; each first asks the progress whether
 * its work is still needed, so driving a command again repeats nothing that finished. Business outcomes end the
 * command INVALID; exceptions are infrastructure faults, retried by the route and, when retries run out,
 * recorded by {@link #fail}.
 */
@Component("commandWorkflow")
public class CommandWorkflow {

    private static final Logger log = LoggerFactory.getLogger(CommandWorkflow.class);
    private static final Logger parameters = LoggerFactory.getLogger("io.farmhub.commands.parameters");

    private final CommandLog commands;
    private final CommandRejections rejections;
    private final HandleStep handleStep;
    private final CommandNotifications notifications;
    private final Admission admission;

    public CommandWorkflow(CommandLog commands, CommandRejections rejections, HandleStep handleStep,
            CommandNotifications notifications, Admission admission) {
        this.commands = commands;
        this.rejections = rejections;
        this.handleStep = handleStep;
        this.notifications = notifications;
        this.admission = admission;
    }

    /**
     * The command's progress, or null for an id with no recorded command (nothing to drive). The body is the
     * command's id, or the progress its submitter just recorded (no need to read back what was just written: if
     * it is stale by now, the first entry recorded after it conflicts and the step looks again).
     */
    public CommandProgress load(Object body) {
        if (body instanceof CommandProgress progress) {
            return progress;
        }
        return commands.load(String.valueOf(body)).orElse(null);
    }

    /**
     * Log parameters, authorise, validate and the handler's first decision: none of them needs I/O outside the
     * command's stream, so their outcomes are recorded in one append, each its own entry, before the handler
     * appends anything (why that is safe: {@link StepWork}).
     */
    public CommandProgress admit(CommandProgress p) {
        CommandProgress after = commands.advance(p, List.of(logParametersWork(), authoriseWork(), validateWork(),
                handleStep.firstDecision()));
        return rejections.reported(p, after);
    }

    public CommandProgress logParameters(CommandProgress p) {
        return commands.advance(p, List.of(logParametersWork()));
    }

    public CommandProgress authorise(CommandProgress p) {
        return rejections.reported(p, commands.advance(p, List.of(authoriseWork())));
    }

    public CommandProgress validate(CommandProgress p) {
        return rejections.reported(p, commands.advance(p, List.of(validateWork())));
    }

    /** The handler's appends; the entry that completes them carries record-events' entry too. */
    public CommandProgress handle(CommandProgress p) {
        return rejections.reported(p, handleStep.handle(p, List.of(recordEventsWork())));
    }

    public CommandProgress recordEvents(CommandProgress p) {
        return commands.advance(p, List.of(recordEventsWork()));
    }

    /** Announces the command's events and state, then records publish and complete in one append. */
    public CommandProgress publish(CommandProgress p) {
        return commands.advance(p, List.of(new StepWork(WorkflowStep.PUBLISH, current -> {
            notifications.published(current);
            return done(WorkflowStep.PUBLISH, current.status().events().size() + " event(s) announced");
        }), completeWork()));
    }

    public CommandProgress complete(CommandProgress p) {
        return commands.advance(p, List.of(completeWork()));
    }

    private StepWork logParametersWork() {
        return new StepWork(WorkflowStep.LOG_PARAMETERS, current -> {
            CommandStatus s = current.status();
            String from = s.source() == null ? "unknown" : s.source().envelopeForm();
            parameters.debug("command {} {} by {} from {}: {}", s.commandType(), s.commandId(), s.submittedBy(), from,
                    current.payload());
            return new CommandEntry.StepDone(WorkflowStep.LOG_PARAMETERS.label(),
                    s.commandType() + " by " + s.submittedBy() + " from " + from, commands.now());
        });
    }

    private StepWork authoriseWork() {
        return new StepWork(WorkflowStep.AUTHORISE, current -> admission.refusal(current.status().submittedBy(),
                        current.grantedRoles(), current.commandType(), current.commandId())
                .<CommandEntry>map(r -> rejections.rejected(WorkflowStep.AUTHORISE, List.of(r)))
                .orElseGet(() -> done(WorkflowStep.AUTHORISE, null)));
    }

    private StepWork validateWork() {
        return new StepWork(WorkflowStep.VALIDATE, current -> {
            List<Rejection> problems = admission.problems(current.commandType(), current.payload());
            return problems.isEmpty()
                    ? done(WorkflowStep.VALIDATE, null)
                    : rejections.rejected(WorkflowStep.VALIDATE, problems);
        });
    }

    private StepWork recordEventsWork() {
        return new StepWork(WorkflowStep.RECORD_EVENTS, current -> done(WorkflowStep.RECORD_EVENTS,
                String.join(", ", current.status().events().stream()
                        .map(e -> e.stream() + "@" + e.version() + " " + e.eventType())
                        .toList())));
    }

    private StepWork completeWork() {
        return new StepWork(WorkflowStep.COMPLETE, current -> done(WorkflowStep.COMPLETE, null));
    }

    /**
     * Retries ran out: the command is FAILED with the cause's message (the stack trace goes to the log, never to
     * the status). When even that cannot be recorded, the command stays where it was and reconciliation drives it
     * later.
     */
    public void fail(Object body, Throwable cause) {
        String commandId = body instanceof CommandProgress p ? p.commandId() : String.valueOf(body);
        log.error("command {} failed after its retries", commandId, cause);
        String message = cause == null || cause.getMessage() == null
                ? "infrastructure fault" + (cause == null ? "" : ": " + cause.getClass().getSimpleName())
                : cause.getMessage();
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                Optional<CommandProgress> current = commands.load(commandId);
                if (current.isEmpty() || current.get().state().terminal()) {
                    return;
                }
                CommandProgress p = current.get();
                CommandEntry.Failed failed = new CommandEntry.Failed(p.nextStep().label(), message, commands.now());
                if (commands.record(p, failed).isPresent()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.error("could not record that command {} failed; reconciliation will drive it again: {}", commandId,
                    e.getMessage());
        }
    }

    private CommandEntry.StepDone done(WorkflowStep step, String detail) {
        return new CommandEntry.StepDone(step.label(), detail, commands.now());
    }
}
