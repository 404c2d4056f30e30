package io.farmhub.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.commands.CommandEntry.Appended;
import io.farmhub.commands.CommandEntry.Compensated;
import io.farmhub.commands.CommandEntry.Decided;
import io.farmhub.commands.CommandEntry.PlannedAppend;
import io.farmhub.core.CommandSource;
import io.farmhub.core.StreamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code command-status} projection: a pure fold over a command's stream. Besides the public
 * {@link CommandStatus} it keeps what the workflow needs to know where to go on: the steps done, the latest
 * decision and the streams already appended.
 *
 * <p>The status lists one step entry per step outcome, in the order they happened, and never changes an entry
 * once listed (the progress stream sends each entry once): the handle step's decisions and appends show in its
 * "done" entry and in {@code events}, not as entries of their own.
 *
 * @param version   how many entries the command stream holds (the expected version of the next entry)
 * @param decisions how many times the handler decided (conflicts make it decide again, at most 5 times)
 * @param appended  the streams this command appended to, each once
 * @param compensated the streams where it gave back what it took (see {@link Compensated})
 * @param grantedRoles the roles a bearer token granted the submitter (null: the configured user's roles apply)
 */
public record CommandProgress(
        StreamId stream,
        long version,
        CommandStatus status,
        JsonNode payload,
        String payloadHash,
        Set<WorkflowStep> done,
        CommandState stateBeforeFailure,
        int decisions,
        Decided decision,
        Map<String, Appended> appended,
        Map<String, Compensated> compensated,
        Set<String> grantedRoles) {

    public static final String INFRASTRUCTURE_FAULT = "INFRASTRUCTURE_FAULT";

    /** Folds a command stream's entries; empty when the stream has none. */
    public static Optional<CommandProgress> fold(StreamId stream, List<CommandEntry> entries) {
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        if (!(entries.get(0) instanceof CommandEntry.Created created)) {
            throw new IllegalStateException("command stream " + stream + " does not start with CommandCreated");
        }
        CommandProgress progress = start(stream, created);
        for (CommandEntry entry : entries.subList(1, entries.size())) {
            progress = progress.evolve(entry);
        }
        return Optional.of(progress);
    }

    static CommandProgress start(StreamId stream, CommandEntry.Created c) {
        CommandStatus status = new CommandStatus(c.commandId(), c.commandType(), CommandState.CREATED,
                c.submittedBy(), c.source(), c.at(), c.at(), List.of(), List.of(), List.of());
        return new CommandProgress(stream, 1, status, c.payload(), c.payloadHash(), Set.of(), null, 0, null, Map.of(),
                Map.of(), c.grantedRoles());
    }

    /** The progress after one more entry. */
    public CommandProgress evolve(CommandEntry entry) {
        Next next = new Next(this, entry.at());
        if (entry instanceof CommandEntry.StepDone s) {
            WorkflowStep step = WorkflowStep.labelled(s.step());
            next.step(s.step(), "done", s.detail()).done(step);
            if (step == WorkflowStep.VALIDATE) {
                next.state = CommandState.VALIDATED;
            } else if (step == WorkflowStep.COMPLETE) {
                next.state = CommandState.COMPLETED;
            } else if (step.ordinal() > WorkflowStep.HANDLE.ordinal()) {
                next.state = CommandState.IN_PROGRESS;
            }
        } else if (entry instanceof CommandEntry.Rejected r) {
            next.step(r.step(), "rejected", codes(r.errors()));
            next.state = CommandState.INVALID;
            next.errors = List.copyOf(r.errors());
        } else if (entry instanceof CommandEntry.Decided d) {
            next.state = CommandState.IN_PROGRESS;
            next.decision = d;
            next.decisions = decisions + 1;
            next.completeHandleIfAllAppended();
        } else if (entry instanceof CommandEntry.Appended a) {
            next.state = CommandState.IN_PROGRESS;
            next.appended.put(a.stream(), a);
            next.events.addAll(a.events());
            next.completeHandleIfAllAppended();
        } else if (entry instanceof Compensated c) {
            next.compensated.put(c.stream(), c);
            next.events.addAll(c.events());
        } else if (entry instanceof CommandEntry.Failed f) {
            next.step(f.step(), "failed", f.message());
            next.stateBeforeFailure = status.state();
            next.state = CommandState.FAILED;
            next.errors = List.of(new CommandStatus.Error(INFRASTRUCTURE_FAULT, null, f.message(), false));
        } else if (entry instanceof CommandEntry.Resumed r) {
            next.step("resume", "done", r.by() == null ? null : "resumed by " + r.by(), r.by());
            next.state = stateBeforeFailure == null ? status.state() : stateBeforeFailure;
            next.stateBeforeFailure = null;
            next.errors = List.of();
        } else {
            throw new IllegalStateException("a command is created once");
        }
        return next.build();
    }

    public String commandId() {
        return status.commandId();
    }

    public String commandType() {
        return status.commandType();
    }

    public CommandState state() {
        return status.state();
    }

    /** A step has work to do only while the command is running (not INVALID, COMPLETED or FAILED) and it is not done. */
    public boolean needs(WorkflowStep step) {
        return !state().terminal() && !done.contains(step);
    }

    /** The first step not done yet: where a FAILED command stopped, where a resumed one goes on. */
    public WorkflowStep nextStep() {
        for (WorkflowStep step : WorkflowStep.values()) {
            if (!done.contains(step)) {
                return step;
            }
        }
        return WorkflowStep.COMPLETE;
    }

    /** The planned appends of the latest decision not yet stored (its guards are not appends). */
    public List<PlannedAppend> pendingAppends() {
        if (decision == null) {
            return List.of();
        }
        return decision.changes().stream().filter(c -> !c.guard() && !appended.containsKey(c.stream())).toList();
    }

    /** The guards of the latest decision: streams it read and does not change. */
    public List<PlannedAppend> guards() {
        return decision == null ? List.of() : decision.changes().stream().filter(PlannedAppend::guard).toList();
    }

    private static String codes(List<CommandStatus.Error> errors) {
        return String.join(", ", errors.stream().map(CommandStatus.Error::code).toList());
    }

    /** The mutable scratch of one evolve step, so each case changes only what it changes. */
    private static final class Next {
        private final CommandProgress from;
        private final Instant at;
        private CommandState state;
        private CommandState stateBeforeFailure;
        private List<CommandStatus.Error> errors;
        private final List<CommandStatus.Step> steps;
        private final List<CommandStatus.AppendedEvent> events;
        private final Set<WorkflowStep> done;
        private int decisions;
        private Decided decision;
        private final Map<String, Appended> appended;
        private final Map<String, Compensated> compensated;

        Next(CommandProgress from, Instant at) {
            this.from = from;
            this.at = at;
            this.state = from.status.state();
            this.stateBeforeFailure = from.stateBeforeFailure;
            this.errors = from.status.errors();
            this.steps = new ArrayList<>(from.status.steps());
            this.events = new ArrayList<>(from.status.events());
            this.done = from.done.isEmpty() ? EnumSet.noneOf(WorkflowStep.class) : EnumSet.copyOf(from.done);
            this.decisions = from.decisions;
            this.decision = from.decision;
            this.appended = new LinkedHashMap<>(from.appended);
            this.compensated = new LinkedHashMap<>(from.compensated);
        }

        Next step(String step, String status, String detail) {
            return step(step, status, detail, null);
        }

        Next step(String step, String status, String detail, String by) {
            steps.add(new CommandStatus.Step(step, status, at, detail, by));
            return this;
        }

        void done(WorkflowStep step) {
            done.add(step);
        }

        void completeHandleIfAllAppended() {
            boolean all = decision.changes().stream().allMatch(c -> c.guard() || appended.containsKey(c.stream()));
            if (all && done.add(WorkflowStep.HANDLE)) {
                String why = events.isEmpty() && decision.unchanged() != null ? ": " + decision.unchanged() : "";
                step(WorkflowStep.HANDLE.label(), "done", events.size() + " event(s) on " + appended.size()
                        + " stream(s), decided " + (decisions == 1 ? "once" : decisions + " times") + why);
            }
        }

        CommandProgress build() {
            CommandStatus s = from.status;
            CommandStatus status = new CommandStatus(s.commandId(), s.commandType(), state, s.submittedBy(), s.source(),
                    s.createdAt(), at, List.copyOf(steps), List.copyOf(errors), List.copyOf(events));
            return new CommandProgress(from.stream, from.version + 1, status, from.payload, from.payloadHash,
                    Set.copyOf(done), stateBeforeFailure, decisions, decision, Map.copyOf(appended), Map.copyOf(compensated), from.grantedRoles);
        }
    }
}
