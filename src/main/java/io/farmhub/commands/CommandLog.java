package io.farmhub.commands;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.farmhub.core.CommandSource;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.EventStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Reads and writes commands' own streams. Every entry is appended with the version the writer last saw, so two
 * drivers of one command (a slow workflow and the reconciliation, say) never both record the same step: the
 * second gets nothing back and must look again. After each entry the watchers hear the new status; a state
 * change is announced as {@code farm.command-state-changed}, and the index learns terminal states.
 */
@Component
public class CommandLog {

    /** Each entry type's stored name, by class. */
    private static final Map<Class<?>, String> TYPE_NAMES = CommandEntry.TYPES.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    /** Drivers racing on one step settle within a few rounds; more means something is badly wrong. */
    private static final int MAX_RELOADS = 10;

    private final EventStore store;
    private final EventTypeRegistry types;
    private final CommandIndex index;
    private final CommandWatchers watchers;
    private final CommandNotifications notifications;
    private final Clock clock;
    /** The latest complete batch records, least recently used first out. */
    private final Map<StreamId, BatchRecord> completeBatches = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<StreamId, BatchRecord> eldest) {
            return size() > 64;
        }
    };

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
        for (Map.Entry<String, Class<? extends BatchEntry>> type : BatchEntry.TYPES.entrySet()) {
            types.register(type.getKey(), 1, type.getValue());
        }
    }

    public Instant now() {
        return clock.instant();
    }

    public Optional<CommandProgress> load(String commandId) {
        return index.find(commandId).flatMap(this::load);
    }

    /** The indexed command: from its own stream, or from the record of the batch it ran in. */
    public Optional<CommandProgress> load(CommandIndex.Entry entry) {
        return CommandKeys.isBatch(entry.stream())
                ? batch(entry.stream()).flatMap(b -> b.progress(entry.commandId()))
                : load(entry.stream());
    }

    /**
     * A batch's record folded, empty when it has none. A complete record never changes again, so the latest few
     * are kept: looking up a batch's commands one by one (a client polling each reading) folds it once.
     */
    Optional<BatchRecord> batch(StreamId stream) {
        BatchRecord kept;
        synchronized (completeBatches) {
            kept = completeBatches.get(stream);
        }
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<BatchRecord> folded = BatchRecord.fold(stream, store.read(stream).stream()
                .map(e -> (BatchEntry) types.toEvent(e)).toList());
        folded.filter(BatchRecord::completed).ifPresent(this::keep);
        return folded;
    }

    void keep(BatchRecord complete) {
        synchronized (completeBatches) {
            completeBatches.put(complete.stream(), complete);
        }
    }

    /** A batch record's entry as its {@code version}-th event, with an id derived from both (written once). */
    NewEvent batchEntry(StreamId record, long version, BatchEntry entry) {
        String type = entry instanceof BatchEntry.Decided ? "CommandBatchDecided" : "CommandBatchCompleted";
        return new NewEvent(CommandBatches.entryId(record, version), type, 1, entry.occurredAt(), record.key(),
                record.key(), "farmhub", null, null, JsonNodeFactory.instance.pojoNode(entry));
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
        return record(progress, List.of(entry), List.of());
    }

    /**
     * Appends {@code entries}, then the outcomes of the {@code then} steps, all in one append: each entry is its
     * own event on the stream, and the batch is stored all or nothing. A {@code then} step runs only when it is
     * the command's next step, on the progress the entries before it leave, exactly as it would after they were
     * stored one by one (see {@link StepWork} for which steps may share an append). Empty when the command stream
     * has moved on since {@code progress}.
     */
    public Optional<CommandProgress> record(CommandProgress progress, List<CommandEntry> entries, List<StepWork> then) {
        List<CommandEntry> batch = new ArrayList<>(entries);
        List<CommandProgress> steps = new ArrayList<>();
        CommandProgress next = progress;
        for (CommandEntry entry : entries) {
            next = next.evolve(entry);
            steps.add(next);
        }
        for (StepWork step : then) {
            if (!next.needs(step.step()) || next.nextStep() != step.step()) {
                continue;
            }
            CommandEntry entry = step.work().apply(next);
            if (entry != null) {
                batch.add(entry);
                next = next.evolve(entry);
                steps.add(next);
            }
        }
        if (batch.isEmpty()) {
            return Optional.of(progress);
        }
        CommandStatus status = progress.status();
        List<NewEvent> events = new ArrayList<>(batch.size());
        for (CommandEntry entry : batch) {
            events.add(event(randomEventId(), entry, status.commandId(), status.submittedBy(), status.source()));
        }
        AppendResult result = store.append(progress.stream(), progress.version(), events);
        if (result instanceof AppendResult.Conflict) {
            return Optional.empty();
        }
        CommandProgress before = progress;
        for (CommandProgress after : steps) {
            changed(before, after); // watchers and notifications hear every step, as if stored one by one
            before = after;
        }
        return Optional.of(next);
    }

    /**
     * Runs one step unless its work is done: asks the projection, does the work, records its outcome; when
     * another driver recorded something meanwhile, looks again (the step may be done by now).
     */
    public CommandProgress advance(CommandProgress progress, WorkflowStep step,
            Function<CommandProgress, CommandEntry> work) {
        return advance(progress, List.of(new StepWork(step, work)));
    }

    /**
     * Runs the steps still needed, in order, and records their outcomes in one append (see
     * {@link #record(CommandProgress, List, List)}); a step whose work yields no entry is skipped. Only the first
     * step may act outside the command stream ({@link StepWork}). When another driver recorded something
     * meanwhile, looks again and runs what is still needed.
     */
    public CommandProgress advance(CommandProgress progress, List<StepWork> steps) {
        CommandProgress current = progress;
        for (int attempt = 0; attempt < MAX_RELOADS; attempt++) {
            Optional<CommandProgress> next = record(current, List.of(), steps);
            if (next.isPresent()) {
                return next.get();
            }
            current = reload(current);
        }
        throw new IllegalStateException("command " + progress.commandId() + " keeps changing under steps "
                + steps.stream().map(s -> s.step().label()).toList());
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

    /**
     * An entry as an event. Its data is the entry itself, wrapped: the store writes it straight to JSON, where a
     * tree made first ({@link EventTypeRegistry#toData}) would cost a second conversion of every entry. The JSON is
     * the same: the same mapper writes it either way.
     */
    private NewEvent event(String eventId, CommandEntry entry, String commandId, String who, CommandSource source) {
        return new NewEvent(eventId, TYPE_NAMES.get(entry.getClass()), 1, entry.occurredAt(), commandId,
                commandId, who, source == null ? null : source.envelopeForm(), null,
                JsonNodeFactory.instance.pojoNode(entry));
    }

    /**
     * A random (version 4) UUID for an entry, from this thread's {@link ThreadLocalRandom}. Random, not derived
     * from the entry's position: two drivers racing for one position must get different ids, or the store would
     * take the loser's append for a repeat of the winner's. An entry id only has to be unique, never secret, so
     * neither {@code UUID.randomUUID()} (one shared generator behind one lock) nor a SecureRandom per thread (a
     * DRBG draw per entry) is worth its cost here.
     */
    static String randomEventId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    private CommandEntry entry(EventEnvelope envelope) {
        return (CommandEntry) types.toEvent(envelope);
    }
}
