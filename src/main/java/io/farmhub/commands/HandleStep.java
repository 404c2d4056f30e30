package io.farmhub.commands;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.POJONode;
import io.farmhub.commands.CommandEntry.PlannedAppend;
import io.farmhub.core.CommandHandler;
import io.farmhub.core.CommandSource;
import io.farmhub.core.Compensations;
import io.farmhub.core.Decision;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.NewEvent;
import io.farmhub.core.Rejection;
import io.farmhub.core.StreamChange;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendAllResult;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.StreamAppend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Step 4, handle: read, decide, append. The decision is recorded (with derived event ids) before anything is
 * appended, so a command stopped half-way appends only what is still missing, never anything twice. A stale
 * expected version makes the handler read again and decide again, at most {@value #MAX_DECISIONS} decisions in
 * all; after that the command is INVALID with {@code CONFLICT}.
 *
 * <p>A decision is stored as a whole: every stream it changes, plus a guard on every stream it only read
 * ({@code Decision.Accepted.reads}), so a decision made on a state that has moved on anywhere is made again.
 * <ul>
 * <li>On a store that writes several streams as one ({@link EventStore#atomicAcrossStreams()}, SQLite) it is one
 * {@link EventStore#appendAll}, recorded on the command stream in one append: no half of it can exist.</li>
 * <li>On one that cannot (Append Blobs) the guards are checked before each write, and the streams are appended one
 * by one, each recorded as it is made: first those whose events take something a rule there can refuse (a barn
 * place, a pledge; see {@link Compensations}), then the rest (the cow's own stream). When deciding again after a
 * conflict between two of them refuses the command, or leaves out a stream it already took something on, that is
 * given back ({@link CommandEntry.Compensated}) before the refusal is recorded.</li>
 * </ul>
 */
@Component
public class HandleStep {

    /**
     * Every conflict means another command's append landed on a stream this one decided from, so the farm moved on:
     * a barn of capacity k raced by many cows costs each loser at most k lost races before it is housed or BARN_FULL.
     * The bound only stops a command from deciding for ever under unending load; it is set well above the contention
     * a farm's barns and the 16-client benchmark produce (with the back-off below), so racing losers end with the rule's code, not CONFLICT.
     */
    static final int MAX_DECISIONS = 32;

    private final EventStore store;
    private final EventTypeRegistry types;
    private final CommandHandlers handlers;
    private final CommandLog log;
    private final CommandRejections rejections;
    private final PipelineClock clock;
    private final StreamStateCache cache;
    private final Compensations compensations;

    public HandleStep(EventStore store, EventTypeRegistry types, CommandHandlers handlers, CommandLog log,
            CommandRejections rejections, PipelineClock clock, StreamStateCache cache,
            ObjectProvider<Compensations> compensations) {
        this.cache = cache;
        this.store = store;
        this.types = types;
        this.handlers = handlers;
        this.log = log;
        this.rejections = rejections;
        this.clock = clock;
        this.compensations = compensations.getIfAvailable(() -> Compensations.NONE);
    }

    public CommandProgress handle(CommandProgress progress) {
        return handle(progress, List.of());
    }

    /**
     * Decides (unless a decision is waiting), appends what is still missing, and records the appends. The entry
     * that completes the step carries the entries of {@code then} with it: steps that need no I/O (see
     * {@link StepWork}), so they cost no append of their own.
     */
    public CommandProgress handle(CommandProgress progress, List<StepWork> then) {
        CommandProgress p = progress;
        boolean stale = false;
        while (p.needs(WorkflowStep.HANDLE)) {
            if (p.decision() == null || stale) {
                if (stale) {
                    backOff(p.decisions());
                }
                p = log.record(p, decideAgain(p), List.of()).orElseGet(() -> log.reload(progress));
                stale = false;
                continue;
            }
            List<PlannedAppend> pending = p.pendingAppends();
            List<CommandEntry> appended;
            List<StepWork> after;
            if (store.atomicAcrossStreams()) {
                Optional<List<CommandEntry>> all = appendAll(pending, p.guards());
                if (all.isEmpty()) {
                    stale = true;
                    continue;
                }
                appended = all.get();
                after = then;
            } else {
                boolean first = pending.size() == p.decision().changes().stream().filter(c -> !c.guard()).count();
                if (first && !guardsHold(p.guards())) {
                    // Stale reads mean deciding again, unless this decision is in effect already: a write stored
                    // before a crash, not yet recorded. Then it is recorded (so a refusal can give it back) and
                    // finished, and what it read no longer matters.
                    List<CommandEntry> stored = storedBefore(pending);
                    if (stored.isEmpty()) {
                        stale = true;
                    } else {
                        p = log.record(p, stored, List.of()).orElseGet(() -> log.reload(progress));
                    }
                    continue;
                }
                Optional<CommandEntry.Appended> one = append(pending.get(0));
                if (one.isEmpty() && !first && onlyGivingUpLeft(pending)) {
                    one = append(anyVersion(pending.get(0)));
                }
                if (one.isEmpty()) {
                    stale = true;
                    continue;
                }
                appended = List.of(one.get());
                after = pending.size() == 1 ? then : List.of();
            }
            Optional<CommandProgress> recorded = log.record(p, appended, after);
            p = recorded.orElseGet(() -> log.reload(progress));
        }
        return p;
    }

    /**
     * A short random pause before deciding again after a conflict, growing with the decisions made: many commands
     * racing for one stream (a barn's last places, one cow) then take turns instead of all reading and losing
     * together again, so they end with the rule's answer rather than running out of decisions.
     */
    static void backOff(int decisions) {
        long ceiling = TimeUnit.MICROSECONDS.toNanos(Math.min(20_000, 250L << Math.min(decisions, 7)));
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(ceiling));
    }

    /**
     * The handler's first decision as a step that needs no I/O (it only reads), so it can be recorded together
     * with the steps before it; nothing when the command has decided already.
     */
    StepWork firstDecision() {
        return new StepWork(WorkflowStep.HANDLE, p -> p.decision() == null ? decision(p).entry() : null);
    }

    /**
     * A new decision, after what it makes necessary: every stream this command already appended to that the new
     * decision neither changes nor reads (all of them, when it is refused) gets back what the command took there.
     */
    private List<CommandEntry> decideAgain(CommandProgress p) {
        Made made = decision(p);
        List<CommandEntry> entries = new ArrayList<>();
        for (CommandEntry.Appended a : p.appended().values()) {
            if (!p.compensated().containsKey(a.stream()) && !made.kept().contains(StreamId.parse(a.stream()))) {
                giveBack(p, a).ifPresent(entries::add);
            }
        }
        entries.add(made.entry());
        return entries;
    }

    /** What the handler decided, and the streams the decision still stands on (changes or reads). */
    private record Made(CommandEntry entry, Set<StreamId> kept) {
    }

    /**
     * Reads, decides and says what the handler decided: the planned appends, or the rejection (CONFLICT when it
     * has decided {@value #MAX_DECISIONS} times already).
     */
    private Made decision(CommandProgress p) {
        if (p.decisions() >= MAX_DECISIONS) {
            return new Made(rejections.rejected(WorkflowStep.HANDLE, List.of(Rejection.of(ErrorCode.CONFLICT, null,
                    "Others changed the same records " + MAX_DECISIONS + " times while this command was deciding;"
                            + " send it again."))), Set.of());
        }
        CommandHandler<?> handler = handlers.forType(p.commandType()).orElseThrow(() -> new IllegalStateException(
                "no handler for " + p.commandType() + ", yet the command was validated"));
        RecordingStreamStates states = new RecordingStreamStates(store, types, cache);
        Decision decision = decide(handler, p, states);
        if (decision instanceof Decision.Rejected rejected) {
            return new Made(rejections.rejected(WorkflowStep.HANDLE, rejected.rejections()), Set.of());
        }
        Decision.Accepted accepted = (Decision.Accepted) decision;
        Set<StreamId> kept = new HashSet<>(accepted.reads().keySet());
        accepted.changes().forEach(c -> kept.add(c.stream()));
        List<PlannedAppend> plan = plan(p, accepted, states);
        return new Made(new CommandEntry.Decided(p.decisions() + 1, plan, log.now(), accepted.unchanged()), kept);
    }

    private <C> Decision decide(CommandHandler<C> handler, CommandProgress p, RecordingStreamStates states) {
        CommandPayloads.Parsed<C> parsed = CommandPayloads.read(handler, p.payload());
        if (parsed.problem() != null) {
            throw new IllegalStateException("command " + p.commandId() + " no longer reads: "
                    + parsed.problem().message());
        }
        return handler.decide(handler.normalise(parsed.command()), states, clock.today());
    }

    /**
     * The changes still to make, as events with ids derived from the command, stream and position: those that take
     * something first, then the rest (the command's own subject, a cow), then those that only give something up
     * (in the decision's order otherwise), then a guard for every stream read and not changed. Where streams are
     * written one by one this makes the subject's append the point of no return: before it, a refusal can still
     * give back what was taken; after it, only what no rule refuses is left to write.
     */
    private List<PlannedAppend> plan(CommandProgress p, Decision.Accepted decision, RecordingStreamStates states) {
        List<PlannedAppend> taking = new ArrayList<>();
        List<PlannedAppend> others = new ArrayList<>();
        List<PlannedAppend> givingUp = new ArrayList<>();
        Set<StreamId> seen = new HashSet<>();
        Set<StreamId> changed = new HashSet<>();
        for (StreamChange change : decision.changes()) {
            if (!seen.add(change.stream())) {
                throw new IllegalStateException(p.commandType() + " decided two changes to " + change.stream()
                        + "; a decision changes each stream once");
            }
            if (change.events().isEmpty() || p.appended().containsKey(change.stream().toString())) {
                continue; // read, not changed (any more): guarded below
            }
            changed.add(change.stream());
            long expected = states.versionRead(change.stream()).orElse(change.expectedVersion());
            List<NewEvent> events = new ArrayList<>();
            for (int i = 0; i < change.events().size(); i++) {
                String id = CommandKeys.eventId(p.commandId(), change.stream(), i);
                events.add(event(p, id, change.events().get(i)));
            }
            PlannedAppend planned = new PlannedAppend(change.stream().toString(), expected, events);
            if (change.events().stream().anyMatch(compensations::takes)) {
                taking.add(planned);
            } else if (change.events().stream().allMatch(compensations::givesUp)) {
                givingUp.add(planned);
            } else {
                others.add(planned);
            }
        }
        List<PlannedAppend> plan = new ArrayList<>(taking);
        plan.addAll(others);
        plan.addAll(givingUp);
        Map<StreamId, Long> guarded = new TreeMap<>(Comparator.comparing(StreamId::toString));
        decision.reads().forEach(guarded::put);
        decision.changes().forEach(c -> guarded.putIfAbsent(c.stream(), c.expectedVersion()));
        for (Map.Entry<StreamId, Long> read : guarded.entrySet()) {
            if (!changed.contains(read.getKey())) {
                long expected = states.versionRead(read.getKey()).orElse(read.getValue());
                plan.add(new PlannedAppend(read.getKey().toString(), expected, List.of()));
            }
        }
        return plan;
    }

    /**
     * The event as it will be appended. Its data is the event itself, wrapped: it is written to JSON when its
     * decision is recorded and again when it is appended, each time straight from the record, with the same mapper
     * and so the same JSON as {@link EventTypeRegistry#toData} would give, without a tree made in between.
     */
    private NewEvent event(CommandProgress p, String eventId, DomainEvent event) {
        CommandStatus s = p.status();
        return event(types, s.commandId(), s.submittedBy(), s.source(), eventId, event);
    }

    /** A command's event as it is appended: correlated and caused by the command, by its submitter, from its source. */
    static NewEvent event(EventTypeRegistry types, String commandId, String submittedBy, CommandSource source,
            String eventId, DomainEvent event) {
        EventTypeRegistry.EventType type = types.typeOf(event.getClass());
        return new NewEvent(eventId, type.name(), type.schemaVersion(), event.occurredAt(), commandId, commandId,
                submittedBy, source == null ? null : source.envelopeForm(), null,
                JsonNodeFactory.instance.pojoNode(event));
    }

    /**
     * Appends the whole decision at once (what is still missing, and its guards): the Appended entries, one per
     * stream with events, or empty when any stream, changed or only read, has moved on.
     */
    private Optional<List<CommandEntry>> appendAll(List<PlannedAppend> pending, List<PlannedAppend> guards) {
        List<PlannedAppend> parts = new ArrayList<>(pending);
        parts.addAll(guards);
        List<StreamAppend> appends = parts.stream()
                .map(a -> new StreamAppend(StreamId.parse(a.stream()), a.expectedVersion(), a.events()))
                .toList();
        if (!(store.appendAll(appends) instanceof AppendAllResult.Appended all)) {
            return Optional.empty();
        }
        List<CommandEntry> entries = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            PlannedAppend planned = pending.get(i);
            AppendResult.Appended a = all.streams().get(i);
            if (!a.duplicate()) {
                decided(planned).ifPresent(events -> cache.appended(a.stream(), planned.expectedVersion(), events));
            }
            entries.add(appended(planned, a.events(), a.duplicate()));
        }
        return Optional.of(entries);
    }

    /**
     * Where no write spans two streams, the guards are checked just before a write: a read that has moved on means
     * deciding again before anything more is written. (Checked, not held: a change between the check and the
     * write is not seen; the rules that must hold under races are each decided on the stream that owns them.)
     */
    private boolean guardsHold(List<PlannedAppend> guards) {
        for (PlannedAppend guard : guards) {
            if (store.version(StreamId.parse(guard.stream())) != guard.expectedVersion()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every append still to make only gives something up: the decision is past its point of no return
     * (its subject is written), and what is left no rule can refuse, so a conflict there is finished at the
     * stream's new version, not decided again (deciding again would now see the subject changed by this very
     * command, and could only refuse it, half done).
     */
    private boolean onlyGivingUpLeft(List<PlannedAppend> pending) {
        for (PlannedAppend planned : pending) {
            StreamId stream = StreamId.parse(planned.stream());
            for (NewEvent e : planned.events()) {
                DomainEvent event = e.data() instanceof POJONode pojo && pojo.getPojo() instanceof DomainEvent d
                        ? d
                        : (DomainEvent) types.toEvent(EventEnvelope.stored(e, stream, 1, Instant.EPOCH));
                if (!compensations.givesUp(event)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static PlannedAppend anyVersion(PlannedAppend planned) {
        return new PlannedAppend(planned.stream(), EventStore.ANY, planned.events());
    }

    /**
     * Gives back what this command took on a stream it appended to: the inverse of each of its events there that
     * took something, appended whatever the stream's version (giving back never breaks a rule) with ids derived
     * from the command, so doing it again after a crash writes nothing twice. Empty when nothing was taken there.
     */
    private Optional<CommandEntry.Compensated> giveBack(CommandProgress p, CommandEntry.Appended taken) {
        StreamId stream = StreamId.parse(taken.stream());
        Set<String> ids = Set.copyOf(taken.eventIds());
        long from = taken.events().isEmpty() ? 1 : taken.events().get(0).version();
        List<DomainEvent> inverse = store.read(stream, from).stream()
                .filter(e -> ids.contains(e.eventId()))
                .map(e -> (DomainEvent) types.toEvent(e))
                .flatMap(e -> compensations.undo(e).stream())
                .toList();
        if (inverse.isEmpty()) {
            return Optional.empty();
        }
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < inverse.size(); i++) {
            events.add(event(p, CommandKeys.compensationEventId(p.commandId(), stream, i), inverse.get(i)));
        }
        AppendResult result = store.append(stream, EventStore.ANY, events);
        if (!(result instanceof AppendResult.Appended a)) {
            throw new IllegalStateException("giving back on " + stream + " for command " + p.commandId()
                    + " found only part of it stored: " + result);
        }
        List<CommandStatus.AppendedEvent> stored = a.events().stream()
                .map(e -> new CommandStatus.AppendedEvent(e.stream(), e.version(), e.eventType()))
                .toList();
        return Optional.of(new CommandEntry.Compensated(taken.stream(), stored,
                a.events().stream().map(EventEnvelope::eventId).toList(), log.now()));
    }

    /**
     * Appends one planned change. A conflict whose events are already in the stream (stored before a crash, not
     * yet recorded) counts as appended; any other conflict is empty: decide again.
     */
    private Optional<CommandEntry.Appended> append(PlannedAppend planned) {
        StreamId stream = StreamId.parse(planned.stream());
        AppendResult result = store.append(stream, planned.expectedVersion(), planned.events());
        if (result instanceof AppendResult.Appended a) {
            if (!a.duplicate()) {
                decided(planned).ifPresent(events -> cache.appended(stream, planned.expectedVersion(), events));
            }
            return Optional.of(appended(planned, a.events(), a.duplicate()));
        }
        return storedBefore(planned);
    }

    /** The planned append as already stored (before a crash, not yet recorded), or empty when it is not. */
    private Optional<CommandEntry.Appended> storedBefore(PlannedAppend planned) {
        StreamId stream = StreamId.parse(planned.stream());
        Set<String> ids = new HashSet<>(planned.events().stream().map(NewEvent::eventId).toList());
        List<EventEnvelope> ours = store.read(stream, Math.max(1, planned.expectedVersion() + 1)).stream()
                .filter(e -> ids.contains(e.eventId()))
                .toList();
        return ours.size() == ids.size() ? Optional.of(appended(planned, ours, true)) : Optional.empty();
    }

    private List<CommandEntry> storedBefore(List<PlannedAppend> pending) {
        List<CommandEntry> stored = new ArrayList<>();
        pending.forEach(planned -> storedBefore(planned).ifPresent(stored::add));
        return stored;
    }

    /**
     * The domain events of a planned append, when its decision was made in this process (each still wraps its
     * record); empty for a decision read back from the command stream, whose events are JSON by then.
     */
    static Optional<List<DomainEvent>> decided(PlannedAppend planned) {
        List<DomainEvent> events = new ArrayList<>();
        for (NewEvent e : planned.events()) {
            if (!(e.data() instanceof POJONode pojo) || !(pojo.getPojo() instanceof DomainEvent event)) {
                return Optional.empty();
            }
            events.add(event);
        }
        return Optional.of(events);
    }

    private CommandEntry.Appended appended(PlannedAppend planned, List<EventEnvelope> stored, boolean duplicate) {
        List<CommandStatus.AppendedEvent> events = stored.stream()
                .map(e -> new CommandStatus.AppendedEvent(e.stream(), e.version(), e.eventType()))
                .toList();
        List<String> ids = stored.stream().map(EventEnvelope::eventId).toList();
        return new CommandEntry.Appended(planned.stream(), events, ids, duplicate, log.now());
    }
}
