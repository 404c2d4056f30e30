package io.farmhub.commands;

import io.farmhub.core.StreamId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each command lives (commandId → its stream, whose name needs the command type), with where it stopped,
 * so the status can be found by id alone, recent commands listed and stalled ones found. The command stream
 * stays the truth; this is a durable lookup, written before a command's first entry so that every acknowledged
 * command is in it. Embedded: a SQLite table; azure: a blob per command.
 */
public interface CommandIndex {

    /** One indexed command. */
    record Entry(String commandId, StreamId stream, CommandState state, Instant createdAt, Instant updatedAt) {
    }

    Optional<Entry> find(String commandId);

    /** Indexes a command about to be created, replacing an entry for the same id whose stream was never written. */
    void put(String commandId, StreamId stream, Instant createdAt);

    /** The indexed ones of {@code commandIds}, by id. */
    default Map<String, Entry> findAll(Collection<String> commandIds) {
        Map<String, Entry> found = new HashMap<>();
        for (String id : commandIds) {
            find(id).ifPresent(e -> found.put(id, e));
        }
        return found;
    }

    /**
     * Indexes commands that have ended already (a batch's, {@link CommandBatches}), each at its state; an id
     * indexed already keeps its entry.
     */
    default void putAll(List<Entry> ended) {
        for (Entry e : ended) {
            if (find(e.commandId()).isEmpty()) {
                put(e.commandId(), e.stream(), e.createdAt());
                state(e.commandId(), e.state(), e.updatedAt());
            }
        }
    }

    /** The latest state worth indexing: a terminal one, or running again after a resume. */
    void state(String commandId, CommandState state, Instant updatedAt);

    /** Forgets an id whose stream was never written (the submit that indexed it died before acknowledging). */
    void forget(String commandId);

    /**
     * Newest first; every state when {@code state} is null. For a running state (CREATED, VALIDATED, IN_PROGRESS)
     * it may list any running command, since only terminal states are indexed: the caller checks the status.
     */
    List<Entry> recent(CommandState state, int limit);

    /** Commands still running (not INVALID, COMPLETED or FAILED) indexed or resumed before {@code before}. */
    List<Entry> stalled(Instant before);
}
