package io.farmhub.commands;

import io.farmhub.core.CommandHandler;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.Decision;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.NameUuid;
import io.farmhub.core.NewEvent;
import io.farmhub.core.Rejection;
import io.farmhub.core.StreamChange;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendAllResult;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.StreamAppend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Many small commands as one unit of work: the way sensor readings become events (issue 11). Each command is
 * authorised and validated as the workflow would; the commands are then decided in the order given, each stream
 * folded once and moved on by every decision's events ({@link BatchStates}), so they end as if they had run one after
 * the other; and each stream gets one append for the whole batch. What became of every command is kept in one record,
 * {@code command/batch/<key>} ({@link BatchEntry}), which the command index points each id at: the status of a
 * batched command reads like any other's ({@link BatchRecord#progress}).
 *
 * <p>The same guarantees as one command at a time, by other means:
 * <ul>
 * <li>Idempotent by command id: an id already known (in another batch, or run on its own) is not decided again: the
 * same payload is that command, another is a {@link Submission.PayloadMismatch}. A batch run again (its caller
 * crashed) finds its record and only finishes what is missing.</li>
 * <li>All or nothing, or resumable: on SQLite the record and every stream's append are one write; on Append Blobs the
 * record's decision is written first, then each stream's append (its events' ids derived from the command, so a
 * repeat writes nothing twice), then that the batch is complete.</li>
 * <li>Decided on the state it is appended to: each append expects the version its stream was read at, and a stream
 * that was only read is guarded at it. When another writer moved one on, its commands are decided again, at most
 * {@link HandleStep#MAX_DECISIONS} times; then they end INVALID with {@code CONFLICT}.</li>
 * </ul>
 * A batched command decides on one stream (a reading and its subject): a command reading two is refused as a bug.
 */
@Component
public class CommandBatches {

    /** Commands per record: a record with its planned events stays well below an append's 4 MiB. */
    static final int SLICE = 1_000;

    private final EventStore store;
    private final EventTypeRegistry types;
    private final CommandHandlers handlers;
    private final CommandLog log;
    private final CommandIndex index;
    private final StreamStateCache cache;
    private final PipelineClock clock;
    private final Admission admission;
    private final BatchAnnouncements announcements;

    public CommandBatches(EventStore store, EventTypeRegistry types, CommandHandlers handlers, CommandLog log,
            CommandIndex index, StreamStateCache cache, PipelineClock clock, Admission admission,
            BatchAnnouncements announcements) {
        this.store = store;
        this.types = types;
        this.handlers = handlers;
        this.log = log;
        this.index = index;
        this.cache = cache;
        this.clock = clock;
        this.admission = admission;
        this.announcements = announcements;
    }

    /**
     * Runs {@code commands} as the batch {@code key} (a caller's stable name for them, such as the journal chunk they
     * came from: running the same key again after a crash finishes it) and returns once every command has ended,
     * with what submitting each did, in order.
     */
    public List<Submission> run(String key, List<CommandRequest> commands) {
        List<Submission> submissions = new ArrayList<>(commands.size());
        for (int from = 0, slice = 0; from < commands.size(); from += SLICE, slice++) {
            List<CommandRequest> part = commands.subList(from, Math.min(commands.size(), from + SLICE));
            submissions.addAll(slice(CommandKeys.batchStream(key + "-" + slice), part));
        }
        return submissions;
    }

    private List<Submission> slice(StreamId record, List<CommandRequest> commands) {
        Optional<BatchRecord> existing = log.batch(record);
        Map<String, CommandIndex.Entry> known = index.findAll(commands.stream().map(CommandRequest::commandId).toList());
        Map<Integer, Submission> answered = new HashMap<>();
        Map<String, String> hashes = new HashMap<>();
        List<BatchedCommand> admitted = new ArrayList<>();
        Map<String, Object> read = new HashMap<>(); // each admitted command as its handler read it, to decide it
        for (int i = 0; i < commands.size(); i++) {
            CommandRequest c = commands.get(i);
            String hash = PayloadHash.of(c.commandType(), c.payload());
            CommandIndex.Entry entry = known.get(c.commandId());
            if (entry != null && !entry.stream().equals(record)) {
                Optional<CommandProgress> other = log.load(entry);
                if (other.isPresent()) {
                    answered.put(i, hash.equals(other.get().payloadHash())
                            && c.commandType().equals(other.get().commandType())
                            ? new Submission.AlreadyKnown(other.get().status())
                            : new Submission.PayloadMismatch(other.get().status()));
                    continue;
                }
            }
            String first = hashes.putIfAbsent(c.commandId(), hash);
            if (first != null) {
                answered.put(i, null); // the same id twice in one batch: answered below, after the first
                continue;
            }
            admitted.add(admit(c, hash, read));
        }
        if (admitted.isEmpty() && existing.isEmpty()) {
            // Every command known already: nothing to record.
            return java.util.stream.IntStream.range(0, commands.size()).mapToObj(answered::get).toList();
        }
        BatchRecord done = existing.filter(BatchRecord::completed)
                .orElseGet(() -> write(record, existing, admitted, read));
        announcements.announce(done);
        List<Submission> submissions = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            CommandRequest c = commands.get(i);
            if (answered.containsKey(i) && answered.get(i) != null) {
                submissions.add(answered.get(i));
                continue;
            }
            BatchedCommand ran = done.command(c.commandId()).orElseThrow(() -> new IllegalStateException(
                    "batch " + record + " does not hold command " + c.commandId()));
            if (!answered.containsKey(i)) {
                submissions.add(new Submission.Accepted(done.summary(ran)));
                continue;
            }
            CommandStatus status = done.progress(c.commandId()).orElseThrow().status();
            submissions.add(ran.payloadHash().equals(PayloadHash.of(c.commandType(), c.payload()))
                    ? new Submission.AlreadyKnown(status) : new Submission.PayloadMismatch(status));
        }
        return submissions;
    }

    // --- admit: log parameters, authorise, validate ---------------------------------------------------------------

    private BatchedCommand admit(CommandRequest c, String hash, Map<String, Object> read) {
        BatchedCommand admitted = BatchedCommand.admitted(new CommandEntry.Created(c.commandId(), c.commandType(),
                c.payload(), hash, c.submittedBy(), c.source(), log.now(), c.grantedRoles()));
        Optional<Rejection> refused = admission.refusal(c.submittedBy(), c.grantedRoles(), c.commandType(),
                c.commandId());
        if (refused.isPresent()) {
            return admitted.rejected(WorkflowStep.AUTHORISE, errors(List.of(refused.get())));
        }
        Admission.Checked checked = admission.check(c.commandType(), c.payload());
        if (!checked.problems().isEmpty()) {
            return admitted.rejected(WorkflowStep.VALIDATE, errors(checked.problems()));
        }
        read.put(c.commandId(), checked.command());
        return admitted;
    }

    private static List<CommandStatus.Error> errors(List<Rejection> rejections) {
        return rejections.stream()
                .map(r -> new CommandStatus.Error(r.code().name(), r.field(), r.message(), true))
                .toList();
    }

    // --- decide ---------------------------------------------------------------------------------------------------

    /**
     * Decides the commands in order (those admitted; only those on {@code again}'s streams when it is not null, the
     * others keeping what {@code before} decided), and plans one append per stream they read.
     */
    private BatchEntry.Decided decide(int attempt, List<BatchedCommand> commands, BatchEntry.Decided before,
            Set<String> again, Map<String, Object> read) {
        BatchStates states = new BatchStates(new RecordingStreamStates(store, types, cache));
        Map<String, List<NewEvent>> planned = new LinkedHashMap<>();
        List<BatchedCommand> decided = new ArrayList<>(commands.size());
        for (BatchedCommand c : commands) {
            boolean admittedOnly = c.refused() && !WorkflowStep.HANDLE.label().equals(c.rejectedAt());
            if (admittedOnly || (again != null && (c.stream() == null || !again.contains(c.stream())))) {
                decided.add(c);
                continue;
            }
            BatchedCommand fresh = c.refused() ? BatchedCommand.admitted(c.created()) : c;
            if (attempt > HandleStep.MAX_DECISIONS) {
                decided.add(fresh.rejected(WorkflowStep.HANDLE, errors(List.of(Rejection.of(ErrorCode.CONFLICT, null,
                        "Others changed the same records " + HandleStep.MAX_DECISIONS + " times while this batch"
                                + " was deciding; send it again."))), c.stream()));
                continue;
            }
            decided.add(decide(fresh, states, planned, read.get(c.commandId())));
        }
        List<CommandEntry.PlannedAppend> plan = new ArrayList<>();
        if (before != null) {
            before.changes().stream().filter(p -> !again.contains(p.stream())).forEach(plan::add);
        }
        planned.forEach((stream, events) -> plan.add(new CommandEntry.PlannedAppend(stream,
                states.versionRead(StreamId.parse(stream)).orElseThrow(), events)));
        return new BatchEntry.Decided(attempt, decided, plan, log.now());
    }

    private BatchedCommand decide(BatchedCommand c, BatchStates states, Map<String, List<NewEvent>> planned,
            Object read) {
        CommandHandler<?> handler = handlers.forType(c.commandType()).orElseThrow();
        states.startDecision();
        Decision decision = decide(handler, c, read, states);
        StreamId stream = states.onlyStreamRead(c.commandType());
        if (stream == null) {
            throw new IllegalStateException(c.commandType() + " read no stream; a batched command decides on one");
        }
        List<NewEvent> onStream = planned.computeIfAbsent(stream.toString(), s -> new ArrayList<>());
        if (decision instanceof Decision.Rejected rejected) {
            return c.rejected(WorkflowStep.HANDLE, errors(rejected.rejections()), stream.toString());
        }
        Decision.Accepted accepted = (Decision.Accepted) decision;
        List<DomainEvent> events = new ArrayList<>();
        for (StreamChange change : accepted.changes()) {
            if (!change.stream().equals(stream)) {
                throw new IllegalStateException(c.commandType() + " changed " + change.stream() + " besides "
                        + stream + "; a batched command decides on one stream");
            }
            events.addAll(change.events());
        }
        long base = states.versionRead(stream).orElseThrow() + onStream.size();
        List<CommandStatus.AppendedEvent> appended = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String id = CommandKeys.eventId(c.commandId(), stream, i);
            NewEvent event = HandleStep.event(types, c.commandId(), c.submittedBy(), c.source(), id, events.get(i));
            onStream.add(event);
            appended.add(new CommandStatus.AppendedEvent(stream.toString(), base + i + 1, event.eventType()));
            ids.add(id);
        }
        states.decided(stream, events);
        return c.decided(stream.toString(), appended, ids, accepted.unchanged());
    }

    /** {@code read}: the command as admitted, or null when it was admitted before a crash and is read again here. */
    @SuppressWarnings("unchecked")
    private <C> Decision decide(CommandHandler<C> handler, BatchedCommand c, Object read, BatchStates states) {
        C command = read != null ? (C) read
                : handler.normalise(CommandPayloads.read(handler, c.payload()).command());
        return handler.decide(command, states, clock.today());
    }

    // --- write ----------------------------------------------------------------------------------------------------

    /** Decides (unless a decision was recorded before a crash), writes, and answers the complete record. */
    private BatchRecord write(StreamId record, Optional<BatchRecord> existing, List<BatchedCommand> admitted,
            Map<String, Object> read) {
        if (store.atomicAcrossStreams()) {
            return writeAtOnce(record, admitted, read);
        }
        BatchEntry.Decided decided = existing.map(BatchRecord::decided).orElse(null);
        long version = existing.map(BatchRecord::version).orElse(0L);
        if (decided == null) {
            decided = decide(1, admitted, null, null, read);
            version = appendRecord(record, version, decided);
        }
        while (true) {
            Set<String> moved = appendStreams(decided);
            if (moved.isEmpty()) {
                BatchEntry.Completed completed = new BatchEntry.Completed(log.now());
                appendRecord(record, version, completed);
                warm(decided);
                return new BatchRecord(record, version + 1, decided, true, BatchRecord.positions(decided));
            }
            HandleStep.backOff(decided.attempt());
            decided = decide(decided.attempt() + 1, decided.commands(), decided, moved, read);
            version = appendRecord(record, version, decided);
        }
    }

    /** SQLite: the record (decision and completion) and every stream's append in one write. */
    private BatchRecord writeAtOnce(StreamId record, List<BatchedCommand> admitted, Map<String, Object> read) {
        for (int attempt = 1; ; attempt++) {
            BatchEntry.Decided decided = decide(attempt, admitted, null, null, read);
            List<StreamAppend> appends = new ArrayList<>();
            // The record without the planned appends: written in the same transaction as they are, it never needs
            // them to finish a batch (Append Blobs do), and each command keeps its own events' names and versions.
            BatchEntry.Decided recorded = new BatchEntry.Decided(attempt, decided.commands(), List.of(), decided.at());
            appends.add(new StreamAppend(record, 0, List.of(log.batchEntry(record, 1, recorded),
                    log.batchEntry(record, 2, new BatchEntry.Completed(decided.at())))));
            for (CommandEntry.PlannedAppend p : decided.changes()) {
                appends.add(new StreamAppend(StreamId.parse(p.stream()), p.expectedVersion(), p.events()));
            }
            if (store.appendAll(appends) instanceof AppendAllResult.Appended) {
                warm(decided);
                return new BatchRecord(record, 2, decided, true, BatchRecord.positions(decided));
            }
            if (store.version(record) > 0) {
                return log.batch(record).orElseThrow(); // written by another drain meanwhile
            }
            HandleStep.backOff(attempt);
        }
    }

    private long appendRecord(StreamId record, long version, BatchEntry entry) {
        AppendResult result = store.append(record, version, List.of(log.batchEntry(record, version + 1, entry)));
        if (!(result instanceof AppendResult.Appended)) {
            throw new IllegalStateException("the record " + record + " moved on while this hub wrote it: two hubs"
                    + " ran one batch; it is finished from the record on the next run");
        }
        return version + 1;
    }

    /** Append Blobs: each planned append in turn; the streams that moved on (their appends not stored). */
    private Set<String> appendStreams(BatchEntry.Decided decided) {
        Set<String> moved = new HashSet<>();
        for (CommandEntry.PlannedAppend p : decided.changes()) {
            StreamId stream = StreamId.parse(p.stream());
            if (p.guard()) {
                if (store.version(stream) != p.expectedVersion()) {
                    moved.add(p.stream());
                }
                continue;
            }
            AppendResult result = store.append(stream, p.expectedVersion(), p.events());
            if (result instanceof AppendResult.Conflict && !stored(stream, p)) {
                moved.add(p.stream());
            }
        }
        return moved;
    }

    /** Whether a planned append is in its stream already (stored before a crash). */
    private boolean stored(StreamId stream, CommandEntry.PlannedAppend p) {
        Set<String> ids = new HashSet<>(p.events().stream().map(NewEvent::eventId).toList());
        return store.read(stream, Math.max(1, p.expectedVersion() + 1)).stream()
                .filter(e -> ids.contains(e.eventId())).count() == ids.size();
    }

    /** Keeps the handlers' state cache warm with what this process just decided and wrote. */
    private void warm(BatchEntry.Decided decided) {
        for (CommandEntry.PlannedAppend p : decided.changes()) {
            if (!p.guard()) {
                HandleStep.decided(p).ifPresent(events -> cache.appended(StreamId.parse(p.stream()),
                        p.expectedVersion(), events));
            }
        }
    }

    static String entryId(StreamId record, long version) {
        return NameUuid.of("batch\n" + record + "\n" + version);
    }
}
