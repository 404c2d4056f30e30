package io.farmhub.commands;

import io.farmhub.core.CommandSource;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.EventStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Reads and writes commands' own streams. Every entry is appended with the version the writer last saw, so two
 * drivers of one command (a slow workflow and the reconciliation, say) never both record the same step: the
 * second gets nothing back and must look again. After each entry the watchers hear the new status; a state
 * change is announced as {@code farm.command-state-changed}, and the index learns terminal states.
 */
@Component
public class CommandLog {

    /** Drivers racing on one step settle within a few rounds; more means something is badly wrong. */
    private static final int MAX_RELOADS = 10;

    private final EventStore store;
    private final EventTypeRegistry types;
    private final CommandIndex index;
    private final CommandWatchers watchers;
    private final CommandNotifications notifications;
    private final Clock clock;

    public CommandLog(EventStore store, EventTypeRegistry types, CommandIndex index, CommandWatchers watchers,
            CommandNotifications notifications, PipelineClock clock) {
        this.store = store;
        this.types = types;
        this.index = index;
        this.watchers = watchers;
        this.notifications = notifications;
        this.clock = clock.clock();
        for (Map.Entry<String, Class<? extends CommandEntry>> type : CommandEntry.TYPES.entrySet()) {
            types.register(type.getKey(), 1, type.getValue());
        }
    }

    public Instant now() {
        return clock.instant();
    }

    public Optional<CommandProgress> load(String commandId) {
        return index.find(commandId).map(CommandIndex.Entry::stream).flatMap(this::load);
    }

    public Optional<CommandProgress> load(StreamId stream) {
        List<CommandEntry> entries = store.read(stream).stream().map(this::entry).toList();
        return CommandProgress.fold(stream, entries);
    }

    /** Writes a command's first entry; empty when the stream already had one (the same command, or another). */
    Optional<CommandProgress> create(StreamId stream, CommandEntry.Created created) {
        NewEvent first = event(CommandKeys.createdEventId(created.commandId()), created, created.commandId(),
                created.submittedBy(), created.source());
        AppendResult result = store.append(stream, 0, List.of(first));
        if (result instanceof AppendResult.Appended appended && !appended.duplicate()) {
            CommandProgress progress = CommandProgress.start(stream, created);
            changed(null, progress);
            return Optional.of(progress);
        }
        return Optional.empty();
    }

    /**
     * Appends {@code entry} after {@code progress}; empty when the command stream has moved on since, in which
     * case the caller loads it again and looks whether its work is still needed.
     */
    public Optional<CommandProgress> record(CommandProgress progress, CommandEntry entry) {
        CommandStatus status = progress.status();
        NewEvent event = event(UUID.randomUUID().toString(), entry, status.commandId(), status.submittedBy(),
                status.source());
        AppendResult result = store.append(progress.stream(), progress.version(), List.of(event));
        if (result instanceof AppendResult.Conflict) {
            return Optional.empty();
        }
        CommandProgress next = progress.evolve(entry);
        changed(progress, next);
        return Optional.of(next);
    }

    /**
     * Runs one step unless its work is done: asks the projection, does the work, records its outcome; when
     * another driver recorded something meanwhile, looks again (the step may be done by now).
     */
    public CommandProgress advance(CommandProgress progress, WorkflowStep step,
            Function<CommandProgress, CommandEntry> work) {
        CommandProgress current = progress;
        for (int attempt = 0; attempt < MAX_RELOADS; attempt++) {
            if (!current.needs(step)) {
                return current;
            }
            Optional<CommandProgress> next = record(current, work.apply(current));
            if (next.isPresent()) {
                return next.get();
            }
            current = reload(current);
        }
        throw new IllegalStateException("command " + progress.commandId() + " keeps changing under step "
                + step.label());
    }

    /** The command as its stream has it now. */
    public CommandProgress reload(CommandProgress progress) {
        return load(progress.stream()).orElseThrow(() -> new IllegalStateException(
                "the stream of command " + progress.commandId() + " has disappeared"));
    }

    private void changed(CommandProgress before, CommandProgress after) {
        if (before == null || before.state() != after.state()) {
            // The index learns only where a command stops (and that a resumed one runs again): enough to list
            // by state and find stalled commands, without a second write for every step.
            if (before != null && (after.state().terminal() || before.state() == CommandState.FAILED)) {
                index.state(after.commandId(), after.state(), after.status().updatedAt());
            }
            notifications.stateChanged(after);
        }
        watchers.changed(after.status());
    }

    private NewEvent event(String eventId, CommandEntry entry, String commandId, String who, CommandSource source) {
        return new NewEvent(eventId, types.typeOf(entry.getClass()).name(), 1, entry.occurredAt(), commandId,
                commandId, who, source == null ? null : source.envelopeForm(), null, types.toData(entry));
    }

    private CommandEntry entry(EventEnvelope envelope) {
        return (CommandEntry) types.toEvent(envelope);
    }
}
