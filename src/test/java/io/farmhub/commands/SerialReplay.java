package io.farmhub.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.CommandHandler;
import io.farmhub.core.Decision;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.Json;
import io.farmhub.core.StreamId;
import io.farmhub.farm.Farm;
import io.farmhub.farm.InMemoryStreams;
import io.farmhub.farm.StoredEvents;
import io.farmhub.farm.query.FarmStreams;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Farm commands decided one after the other through the pure domain only (the farm's public handlers: normalise,
 * validate, decide), each accepted decision appended to streams held in memory. This is the serial world a run
 * of concurrent commands must be equal to. Kept in this one class so that a change of the domain's decide API
 * in the merge is adapted here alone.
 */
final class SerialReplay {

    /** One command as it was submitted: its id, type and payload. */
    record Sent(String commandId, String type, JsonNode payload) {
    }

    private static final EventTypeRegistry EVENTS = StoredEvents.registry();
    private static final Map<String, CommandHandler<?>> HANDLERS = new HashMap<>();

    static {
        for (CommandHandler<?> handler : Farm.commandHandlers()) {
            HANDLERS.put(handler.commandType(), handler);
        }
    }

    private final InMemoryStreams streams = new InMemoryStreams();
    private final LocalDate today;

    SerialReplay(LocalDate today) {
        this.today = today;
    }

    /** Decides the command on the streams as they are now; appends and answers true when it is accepted. */
    boolean accepts(Sent sent) {
        Decision decision = decide(HANDLERS.get(sent.type()), sent.payload());
        if (decision instanceof Decision.Accepted accepted) {
            streams.append(accepted, new StoredEvents.Provenance(sent.commandId(), "mary", "api:mary",
                    StoredEvents.RECORDED_AT));
            return true;
        }
        return false;
    }

    private <C> Decision decide(CommandHandler<C> handler, JsonNode payload) {
        C command;
        try {
            command = handler.normalise(Json.MAPPER.treeToValue(payload, handler.commandClass()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the test sent a payload its handler cannot read: " + payload, e);
        }
        if (!handler.validate(command, today).isEmpty()) {
            return Decision.rejected(handler.validate(command, today));
        }
        return handler.decide(command, streams, today);
    }

    /** The stream's events as stored envelopes (their data as JSON, as the REST API and the store show them). */
    List<EventEnvelope> events(StreamId stream) {
        FarmStreams stored = streams.farmStreams(EVENTS);
        return Optional.ofNullable(stored.envelopes().get(stream)).orElse(List.of());
    }
}
