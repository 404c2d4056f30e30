package io.farmhub.commands;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.POJONode;
import io.farmhub.commands.CommandEntry.PlannedAppend;
import io.farmhub.core.CommandHandler;
import io.farmhub.core.Decision;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.NewEvent;
import io.farmhub.core.Rejection;
import io.farmhub.core.StreamChange;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.EventStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Step 4, handle: read, decide, append. The decision is recorded (with derived event ids) before anything is
 * appended, and each append is recorded as it is made, so a command stopped half-way appends only what is still
 * missing, never anything twice. A stale expected version makes the handler read again and decide again, at most
 * {@value #MAX_DECISIONS} decisions in all; after that the command is INVALID with {@code CONFLICT}.
 */
@Component
public class HandleStep {

    static final int MAX_DECISIONS = 5;

    private final EventStore store;
    private final EventTypeRegistry types;
    private final CommandHandlers handlers;
    private final CommandLog log;
    private final CommandRejections rejections;
    private final PipelineClock clock;
    private final StreamStateCache cache;

    public HandleStep(EventStore store, EventTypeRegistry types, CommandHandlers handlers, CommandLog log,
            CommandRejections rejections, PipelineClock clock, StreamStateCache cache) {
        this.cache = cache;
        this.store = store;
        this.types = types;
        this.handlers = handlers;
        this.log = log;
        this.rejections = rejections;
        this.clock = clock;
    }

    public CommandProgress handle(CommandProgress progress) {
        return handle(progress, List.of());
    }

    /**
     * Decides (unless a decision is waiting), appends what is still missing, and records each append as it is
     * made. The entry that completes the step carries the entries of {@code then} with it: steps that need no I/O
     * (see {@link StepWork}), so they cost no append of their own.
     */
    public CommandProgress handle(CommandProgress progress, List<StepWork> then) {
        CommandProgress p = progress;
        boolean stale = false;
        while (p.needs(WorkflowStep.HANDLE)) {
            if (p.decision() == null || stale) {
                p = log.record(p, decision(p)).orElseGet(() -> log.reload(progress));
                stale = false;
                continue;
            }
            List<PlannedAppend> pending = p.pendingAppends();
            Optional<CommandEntry.Appended> appended = append(pending.get(0));
            if (appended.isEmpty()) {
                stale = true;
                continue;
            }
            List<StepWork> after = pending.size() == 1 ? then : List.of();
            Optional<CommandProgress> recorded = log.record(p, List.of(appended.get()), after);
            p = recorded.orElseGet(() -> log.reload(progress));
        }
        return p;
    }

    /**
     * The handler's first decision as a step that needs no I/O (it only reads), so it can be recorded together
     * with the steps before it; nothing when the command has decided already.
     */
    StepWork firstDecision() {
        return new StepWork(WorkflowStep.HANDLE, p -> p.decision() == null ? decision(p) : null);
    }

    /**
     * Reads, decides and says what the handler decided: the planned appends, or the rejection (CONFLICT when it
     * has decided {@value #MAX_DECISIONS} times already).
     */
    private CommandEntry decision(CommandProgress p) {
        if (p.decisions() >= MAX_DECISIONS) {
            return rejections.rejected(WorkflowStep.HANDLE, List.of(Rejection.of(ErrorCode.CONFLICT, null,
                    "Others changed the same records " + MAX_DECISIONS + " times while this command was deciding;"
                            + " send it again.")));
        }
        CommandHandler<?> handler = handlers.forType(p.commandType()).orElseThrow(() -> new IllegalStateException(
                "no handler for " + p.commandType() + ", yet the command was validated"));
        Map<StreamId, Long> ceilings = new HashMap<>();
        p.appended().values().forEach(a -> ceilings.put(StreamId.parse(a.stream()), a.events().get(0).version() - 1));
        RecordingStreamStates states = new RecordingStreamStates(store, types, cache, ceilings);
        Decision decision = decide(handler, p, states);
        if (decision instanceof Decision.Rejected rejected) {
            return rejections.rejected(WorkflowStep.HANDLE, rejected.rejections());
        }
        List<PlannedAppend> plan = plan(p, (Decision.Accepted) decision, states);
        return new CommandEntry.Decided(p.decisions() + 1, plan, log.now());
    }

    private <C> Decision decide(CommandHandler<C> handler, CommandProgress p, RecordingStreamStates states) {
        CommandPayloads.Parsed<C> parsed = CommandPayloads.read(handler, p.payload());
        if (parsed.problem() != null) {
            throw new IllegalStateException("command " + p.commandId() + " no longer reads: "
                    + parsed.problem().message());
        }
        return handler.decide(handler.normalise(parsed.command()), states, clock.today());
    }

    /** The changes still to make, as events with ids derived from the command, stream and position. */
    private List<PlannedAppend> plan(CommandProgress p, Decision.Accepted decision, RecordingStreamStates states) {
        List<PlannedAppend> plan = new ArrayList<>();
        Set<StreamId> seen = new HashSet<>();
        for (StreamChange change : decision.changes()) {
            if (!seen.add(change.stream())) {
                throw new IllegalStateException(p.commandType() + " decided two changes to " + change.stream()
                        + "; a decision changes each stream once");
            }
            if (change.events().isEmpty() || p.appended().containsKey(change.stream().toString())) {
                continue;
            }
            long expected = states.versionRead(change.stream()).orElse(change.expectedVersion());
            List<NewEvent> events = new ArrayList<>();
            for (int i = 0; i < change.events().size(); i++) {
                events.add(event(p, change.stream(), i, change.events().get(i)));
            }
            plan.add(new PlannedAppend(change.stream().toString(), expected, events));
        }
        return plan;
    }

    /**
     * The event as it will be appended. Its data is the event itself, wrapped: it is written to JSON when its
     * decision is recorded and again when it is appended, each time straight from the record, with the same mapper
     * and so the same JSON as {@link EventTypeRegistry#toData} would give, without a tree made in between.
     */
    private NewEvent event(CommandProgress p, StreamId stream, int index, DomainEvent event) {
        EventTypeRegistry.EventType type = types.typeOf(event.getClass());
        CommandStatus s = p.status();
        return new NewEvent(CommandKeys.eventId(s.commandId(), stream, index), type.name(), type.schemaVersion(),
                event.occurredAt(), s.commandId(), s.commandId(), s.submittedBy(),
                s.source() == null ? null : s.source().envelopeForm(), null, JsonNodeFactory.instance.pojoNode(event));
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
        Set<String> ids = new HashSet<>(planned.events().stream().map(NewEvent::eventId).toList());
        List<EventEnvelope> ours = store.read(stream, planned.expectedVersion() + 1).stream()
                .filter(e -> ids.contains(e.eventId()))
                .toList();
        return ours.size() == ids.size() ? Optional.of(appended(planned, ours, true)) : Optional.empty();
    }

    /**
     * The domain events of a planned append, when its decision was made in this process (each still wraps its
     * record); empty for a decision read back from the command stream, whose events are JSON by then.
     */
    private static Optional<List<DomainEvent>> decided(PlannedAppend planned) {
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
