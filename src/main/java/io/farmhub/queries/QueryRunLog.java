package io.farmhub.queries;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.Json;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import io.farmhub.farm.query.FarmQueries;
import io.farmhub.farm.query.FarmQuery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Writes and reads query runs' own streams {@code query/<query>/<queryId>}. Each step's event id is derived from
 * the run id and the step, so recording a step twice (a redelivered async run) stores it once. An answer larger
 * than {@link #PART_CHARS} characters of JSON is recorded in parts, each its own append, because one append
 * carries at most {@link EventStore#MAX_BATCH_BYTES}.
 */
@Component
public class QueryRunLog {

    /** Characters of answer JSON per part: even fully escaped as a JSON string, well under one append's limit. */
    static final int PART_CHARS = 512 * 1024;

    /** Runs started here, by id: reading one back needs no search of the eight queries' streams. */
    private final Map<String, String> recent = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 10_000;
        }
    });
    private final EventStore store;

    public QueryRunLog(EventStore store) {
        this.store = store;
    }

    static StreamId stream(String query, String queryId) {
        return StreamId.of("query", query, queryId);
    }

    void record(QueryRequest request, QueryRunEvent event) {
        append(request, event.step(), event);
    }

    /** The answer as given, in one event or, when large, in parts followed by the event that closes them. */
    void answered(QueryRequest request, JsonNode answer, boolean cached, Instant at) {
        String text = text(answer);
        if (text.length() <= PART_CHARS) {
            record(request, new QueryRunEvent.Answered(answer, null, cached, at));
            return;
        }
        int parts = 0;
        for (int from = 0; from < text.length(); from += PART_CHARS) {
            String piece = text.substring(from, Math.min(text.length(), from + PART_CHARS));
            parts++;
            append(request, "answer-part-" + parts, new QueryRunEvent.AnswerPart(parts, piece, at));
        }
        record(request, new QueryRunEvent.Answered(null, parts, cached, at));
    }

    /** The run as its stream has it now; empty when no run has this id. */
    public Optional<QueryRunStatus> load(String queryId) {
        String known = recent.get(queryId);
        List<String> names = known != null ? List.of(known)
                : FarmQueries.all().stream().map(FarmQuery::name).toList();
        for (String query : names) {
            StreamId stream;
            try {
                stream = stream(query, queryId);
            } catch (IllegalArgumentException notAnId) {
                return Optional.empty();
            }
            List<EventEnvelope> envelopes = store.read(stream);
            if (!envelopes.isEmpty()) {
                List<QueryRunEvent> events = new ArrayList<>();
                for (EventEnvelope envelope : envelopes) {
                    events.add(event(envelope));
                }
                return Optional.of(QueryRunStatus.fold(envelopes.get(0), events));
            }
        }
        return Optional.empty();
    }

    private void append(QueryRequest request, String step, QueryRunEvent event) {
        String id = UUID.nameUUIDFromBytes(("query-run:" + request.queryId() + ":" + step)
                .getBytes(StandardCharsets.UTF_8)).toString();
        String source = request.source() == null ? null : request.source().envelopeForm();
        NewEvent stored = new NewEvent(id, QueryRunEvent.typeOf(event), 1, event.at().toString(), request.queryId(),
                request.queryId(), request.requestedBy(), source, null, Json.MAPPER.valueToTree(event));
        store.append(stream(request.query(), request.queryId()), EventStore.ANY, List.of(stored));
        recent.put(request.queryId(), request.query());
    }

    private static QueryRunEvent event(EventEnvelope envelope) {
        Class<? extends QueryRunEvent> type = QueryRunEvent.TYPES.get(envelope.eventType());
        if (type == null) {
            throw new IllegalStateException("a query run stream holds an unknown event type "
                    + envelope.eventType() + " at " + envelope.stream() + "#" + envelope.version());
        }
        try {
            return Json.MAPPER.treeToValue(envelope.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read " + envelope.stream() + "#" + envelope.version(), e);
        }
    }

    private static String text(JsonNode answer) {
        try {
            return Json.MAPPER.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer is always JSON", e);
        }
    }
}
