package io.farmhub.commands;

import java.util.function.Function;

/**
 * One workflow step's work: it looks at the command's progress and says what the step's outcome is (null: the
 * step has nothing to record). Several steps may share one append ({@link CommandLog#advance(CommandProgress,
 * java.util.List)}): each outcome is still its own entry on the command's stream, and the batch is stored all or
 * nothing.
 *
 * <p>Why a shared append still keeps "each step is recorded before the next starts". Only the first step of a
 * batch may act outside the command stream (its work is done, then its outcome recorded, as for any step). Every
 * later step of the batch must need no I/O and have no effect that running it twice could repeat, because it
 * runs before the entries ahead of it are stored: a crash before the batch is durable loses every entry of it,
 * and driving the command again runs those steps again, on the same progress, to the same outcome. The batch is
 * durable before any later step with an outside effect (the handler's appends, the notifications) starts. The
 * steps that qualify: log-parameters (a log line), authorise (reads roles; a quota counts a command id once),
 * validate (pure), the handler's first decision (it only reads streams), record-events and complete (they
 * summarise what the stream holds).
 */
public record StepWork(WorkflowStep step, Function<CommandProgress, CommandEntry> work) {
}
