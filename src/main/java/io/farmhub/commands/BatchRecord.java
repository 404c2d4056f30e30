package io.farmhub.commands;

import com.fasterxml.jackson.databind.node.NullNode;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A batch's record folded ({@link BatchEntry}): its latest decision and whether it is complete. A command of a
 * complete batch answers with the status it would have had as a command of its own: every step done at the batch's
 * instant, or refused at the step that refused it, its events, or why it has none ({@link #progress}).
 *
 * @param version how many entries the record holds (the expected version of the next one)
 */
record BatchRecord(StreamId stream, long version, BatchEntry.Decided decided, boolean completed,
        Map<String, Integer> positions) {

    static Optional<BatchRecord> fold(StreamId stream, List<BatchEntry> entries) {
        BatchEntry.Decided decided = null;
        boolean completed = false;
        for (BatchEntry entry : entries) {
            if (entry instanceof BatchEntry.Decided d) {
                decided = d;
            } else if (entry instanceof BatchEntry.Completed) {
                completed = true;
            }
        }
        if (decided == null) {
            return Optional.empty();
        }
        return Optional.of(new BatchRecord(stream, entries.size(), decided, completed, positions(decided)));
    }

    /** Where each command id stands in the decision. */
    static Map<String, Integer> positions(BatchEntry.Decided decided) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < decided.commands().size(); i++) {
            positions.putIfAbsent(decided.commands().get(i).commandId(), i);
        }
        return positions;
    }

    Optional<BatchedCommand> command(String commandId) {
        Integer at = positions.get(commandId);
        return at == null ? Optional.empty() : Optional.of(decided.commands().get(at));
    }

    /**
     * The command's progress, folded from the entries its own stream would hold, so its status reads exactly like
     * any command's. Empty for an id the batch does not hold, or while the batch is not complete (its commands are
     * still being written: not yet an answer).
     */
    Optional<CommandProgress> progress(String commandId) {
        if (!completed) {
            return Optional.empty();
        }
        return command(commandId).flatMap(c -> CommandProgress.fold(stream, entries(c, decided.at(), decided.attempt())));
    }

    /**
     * The command's status without its steps (those are folded by {@link #progress}): what a batch's caller is
     * answered for each command it ran, a thousand at a time.
     */
    CommandStatus summary(BatchedCommand c) {
        return new CommandStatus(c.commandId(), c.commandType(), c.state(), c.submittedBy(), c.source(), c.createdAt(),
                decided.at(), List.of(), c.errors(), c.events());
    }

    private static List<CommandEntry> entries(BatchedCommand c, Instant at, int attempt) {
        List<CommandEntry> entries = new ArrayList<>();
        entries.add(c.created());
        for (WorkflowStep step : List.of(WorkflowStep.LOG_PARAMETERS, WorkflowStep.AUTHORISE, WorkflowStep.VALIDATE)) {
            if (step.label().equals(c.rejectedAt())) {
                entries.add(new CommandEntry.Rejected(step.label(), c.errors(), at));
                return entries;
            }
            entries.add(new CommandEntry.StepDone(step.label(), step == WorkflowStep.LOG_PARAMETERS
                    ? c.commandType() + " by " + c.submittedBy() + ", in a batch" : null, at));
        }
        if (c.refused()) {
            entries.add(new CommandEntry.Rejected(c.rejectedAt(), c.errors(), at));
            return entries;
        }
        // The decision as the command's own stream would show it: its one append, named by its events' ids.
        List<NewEvent> planned = new ArrayList<>();
        for (int i = 0; i < c.events().size(); i++) {
            planned.add(new NewEvent(c.eventIds().get(i), c.events().get(i).eventType(), 1, at.toString(),
                    c.commandId(), c.commandId(), c.submittedBy(), null, null, NullNode.getInstance()));
        }
        List<CommandEntry.PlannedAppend> changes = planned.isEmpty()
                ? List.of()
                : List.of(new CommandEntry.PlannedAppend(c.stream(), c.events().get(0).version() - 1, planned));
        entries.add(new CommandEntry.Decided(attempt, changes, at, c.unchanged()));
        if (!c.events().isEmpty()) {
            entries.add(new CommandEntry.Appended(c.stream(), c.events(), c.eventIds(), false, at));
        }
        entries.add(new CommandEntry.StepDone(WorkflowStep.RECORD_EVENTS.label(), String.join(", ",
                c.events().stream().map(e -> e.stream() + "@" + e.version() + " " + e.eventType()).toList()), at));
        entries.add(new CommandEntry.StepDone(WorkflowStep.PUBLISH.label(), c.events().size() + " event(s) announced",
                at));
        entries.add(new CommandEntry.StepDone(WorkflowStep.COMPLETE.label(), null, at));
        return entries;
    }
}
