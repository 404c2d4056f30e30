package io.farmhub.bench;

import io.farmhub.core.Aggregate;
import io.farmhub.core.CommandHandler;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.Decision;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.Json;
import io.farmhub.core.NewEvent;
import io.farmhub.core.Rejection;
import io.farmhub.core.StreamChange;
import io.farmhub.core.StreamId;
import io.farmhub.core.StreamStates;
import io.farmhub.core.Versioned;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.StreamVersion;
import io.farmhub.eventstore.sqlite.SqliteEventStore;
import io.farmhub.farm.Farm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The baseline of commands.in-process: the same commands through the generic handler directly, with no Camel and
 * no command stream. Read the streams (folded with evolve), decide, append with the versions read; on a stale
 * version read again and decide again, at most five times. One durable append per command, on a SQLite store
 * of the same kind as the hub's.
 */
final class DirectHandling implements AutoCloseable {

    private static final int MAX_DECISIONS = 5;

    private final SqliteEventStore store;
    private final EventTypeRegistry types = Farm.registerEvents(new EventTypeRegistry());
    private final Map<String, CommandHandler<?>> handlers = new HashMap<>();

    DirectHandling(Path file) {
        this.store = new SqliteEventStore(file);
        Farm.commandHandlers().forEach(h -> handlers.put(h.commandType(), h));
    }

    void handle(CommandRequest request) throws Exception {
        CommandHandler<?> handler = handlers.get(request.commandType());
        if (handler == null) {
            throw new IllegalStateException("no handler for " + request.commandType());
        }
        handle(handler, request);
    }

    private <C> void handle(CommandHandler<C> handler, CommandRequest request) throws Exception {
        C command = handler.normalise(Json.MAPPER.treeToValue(request.payload(), handler.commandClass()));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Rejection> problems = handler.validate(command, today);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(request.commandId() + " is invalid: " + problems);
        }
        for (int attempt = 0; attempt < MAX_DECISIONS; attempt++) {
            Decision decision = handler.decide(command, new StoreStates(), today);
            if (decision instanceof Decision.Rejected rejected) {
                throw new IllegalStateException(request.commandId() + " was rejected: " + rejected.rejections());
            }
            if (appendAll(request, (Decision.Accepted) decision)) {
                return;
            }
        }
        throw new IllegalStateException(request.commandId() + " conflicted " + MAX_DECISIONS + " times");
    }

    /** False on a stale version (decide again); the workload's decisions change one stream each. */
    private boolean appendAll(CommandRequest request, Decision.Accepted decision) {
        for (StreamChange change : decision.changes()) {
            List<NewEvent> events = new ArrayList<>();
            for (int i = 0; i < change.events().size(); i++) {
                DomainEvent event = change.events().get(i);
                EventTypeRegistry.EventType type = types.typeOf(event.getClass());
                String id = UUID.nameUUIDFromBytes((request.commandId() + "\n" + change.stream() + "\n" + i)
                        .getBytes(StandardCharsets.UTF_8)).toString();
                events.add(new NewEvent(id, type.name(), type.schemaVersion(), event.occurredAt(),
                        request.commandId(), request.commandId(), request.submittedBy(),
                        request.source().envelopeForm(), null, types.toData(event)));
            }
            if (store.append(change.stream(), change.expectedVersion(), events) instanceof AppendResult.Conflict) {
                return false;
            }
        }
        return true;
    }

    /** States folded from the store, as the pipeline's handle step reads them. */
    private final class StoreStates implements StreamStates {

        @Override
        public <S> Versioned<S> get(Aggregate<S> aggregate, String key) {
            StreamId stream = aggregate.stream(key);
            S state = aggregate.initial();
            long version = 0;
            for (EventEnvelope envelope : store.read(stream)) {
                state = aggregate.evolve().apply(state, (DomainEvent) types.toEvent(envelope));
                version = envelope.version();
            }
            return new Versioned<>(stream, version, state);
        }

        @Override
        public List<String> keys(Aggregate<?> aggregate) {
            return store.list(aggregate.domain(), aggregate.type()).stream()
                    .map(StreamVersion::stream).map(StreamId::key).toList();
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
