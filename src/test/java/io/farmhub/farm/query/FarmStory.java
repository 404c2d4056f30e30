package io.farmhub.farm.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.CommandHandler;
import io.farmhub.core.Decision;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.Json;
import io.farmhub.core.StreamId;
import io.farmhub.farm.Farm;
import io.farmhub.farm.InMemoryStreams;
import io.farmhub.farm.StoredEvents;
import io.farmhub.farm.StoredEvents.Provenance;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A farm's history made the way FarmHub makes it: each command (its payload JSON, as in an inbox document) is
 * decided by its real handler against the streams so far, and the events are stored with the command's
 * provenance and the instant it was recorded. "Today", for the decision, is the day it was recorded.
 * {@link #ask} then runs a query the way the read side will: parameters from text, only the streams the query
 * selects.
 */
public final class FarmStory implements StoryRecorder {

    static final EventTypeRegistry REGISTRY = StoredEvents.registry();
    private static final Map<String, CommandHandler<?>> HANDLERS = new LinkedHashMap<>();

    static {
        Farm.commandHandlers().forEach(h -> HANDLERS.put(h.commandType(), h));
    }

    private final InMemoryStreams streams = new InMemoryStreams();

    /** Decides the command as of {@code provenance.recordedAt()}; the story only tells what FarmHub accepts. */
    @Override
    public FarmStory record(Provenance provenance, String commandType, String payload) {
        Decision decision = decide(HANDLERS.get(commandType), payload,
                provenance.recordedAt().atOffset(ZoneOffset.UTC).toLocalDate());
        assertThat(decision).as("%s %s", commandType, payload).isInstanceOf(Decision.Accepted.class);
        streams.append((Decision.Accepted) decision, provenance);
        return this;
    }

    private <C> Decision decide(CommandHandler<C> handler, String payload, LocalDate today) {
        try {
            C command = handler.normalise(Json.MAPPER.readValue(payload, handler.commandClass()));
            List<io.farmhub.core.Rejection> invalid = handler.validate(command, today);
            return invalid.isEmpty() ? handler.decide(command, streams, today) : Decision.rejected(invalid);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the story's payload is not JSON: " + payload, e);
        }
    }

    public static Provenance by(String who, String source, String commandId, String recordedAt) {
        return new Provenance(commandId, who, source, Instant.parse(recordedAt));
    }

    public FarmStreams streams() {
        return streams.farmStreams(REGISTRY);
    }

    /** Runs the query on the streams it selects, its parameters read from {@code name, value, ...}. */
    public <P extends QueryParameters, R> QueryResult<R> ask(FarmQuery<P, R> query, LocalDate today, String... parameters) {
        Parsed<P> parsed = query.parse(QueryParams.of(parameters), today);
        assertThat(parsed).as("parameters of %s", query.name()).isInstanceOf(Parsed.Valid.class);
        P valid = ((Parsed.Valid<P>) parsed).parameters();
        StreamSelection selection = query.streams(valid);
        Map<StreamId, List<EventEnvelope>> selected = new LinkedHashMap<>();
        streams().envelopes().forEach((stream, envelopes) -> {
            if (selection.includes(stream)) {
                selected.put(stream, envelopes);
            }
        });
        return query.run(valid, new FarmStreams(REGISTRY, selected));
    }
}
