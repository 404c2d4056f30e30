package io.farmhub.commands;

import io.farmhub.core.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a batch's record {@code command/batch/<key>} holds ({@link CommandBatches}): a decision for all its
 * commands, with the appends it plans, stream by stream, then that every append is stored. Where streams are written
 * one by one (Append Blobs) a stream that moved on makes the batch decide again ({@code attempt} + 1), and the latest
 * decision is the truth; on SQLite the record and every append are one write.
 */
public sealed interface BatchEntry extends DomainEvent {

    Instant at();

    @Override
    default String occurredAt() {
        return at().toString();
    }

    /** The stored names of these entries. */
    Map<String, Class<? extends BatchEntry>> TYPES = Map.of(
            "CommandBatchDecided", Decided.class,
            "CommandBatchCompleted", Completed.class);

    /** Every command of the batch as decided, and the appends that decision makes (one per stream, at its version). */
    record Decided(int attempt, List<BatchedCommand> commands, List<CommandEntry.PlannedAppend> changes, Instant at)
            implements BatchEntry {
        public Decided {
            commands = List.copyOf(commands);
            changes = List.copyOf(changes);
        }
    }

    /** Every append of the latest decision is stored: the batch's commands have ended. */
    record Completed(Instant at) implements BatchEntry {
    }
}
