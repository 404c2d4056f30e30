package io.farmhub.queries;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.Json;
import java.util.List;

/**
 * A query run as {@code GET /api/queries/runs/{queryId}} shows it, folded from its stream: its state
 * ({@code RUNNING}, {@code DELIVERING} while an answer waits for its return path, {@code COMPLETED},
 * {@code FAILED}), who asked and from where, its steps with their times and, once answered, the answer's own
 * fields ({@code parameters}, {@code asOf}, {@code knownAt}, {@code computedAt}, {@code cached},
 * {@code sourceVersions}, {@code result}) exactly as they were given.
 *
 * @param answer null until answered
 * @param json   the whole status, as served
 */
public record QueryRunStatus(String queryId, String query, String state, JsonNode answer, ObjectNode json) {

    public static final String RUNNING = "RUNNING";
    public static final String DELIVERING = "DELIVERING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";

    static QueryRunStatus fold(EventEnvelope first, List<QueryRunEvent> events) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode steps = Json.MAPPER.createArrayNode();
        ArrayNode errors = Json.MAPPER.createArrayNode();
        StringBuilder parts = new StringBuilder();
        String state = RUNNING;
        String queryId = null;
        String query = null;
        JsonNode answer = null;
        boolean returnPath = false;
        for (QueryRunEvent event : events) {
            ObjectNode step = steps.addObject().put("step", event.step()).put("status", "done");
            step.put("at", event.at().toString());
            if (event instanceof QueryRunEvent.Requested r) {
                queryId = r.queryId();
                query = r.query();
                returnPath = r.returnPath() != null;
                json.put("queryId", r.queryId()).put("query", r.query()).put("state", RUNNING)
                        .put("requestedBy", first.who()).put("source", first.source());
                json.set("returnPath", Json.MAPPER.valueToTree(r.returnPath()));
                json.put("createdAt", r.at().toString());
                json.set("parameters", Json.MAPPER.valueToTree(r.parameters()));
            } else if (event instanceof QueryRunEvent.Read r) {
                step.put("streams", r.streams()).put("events", r.events()).put("chunks", r.chunks())
                        .put("millis", r.millis());
            } else if (event instanceof QueryRunEvent.AnswerPart p) {
                parts.append(p.text());
                steps.remove(steps.size() - 1); // pieces of one step, not steps
            } else if (event instanceof QueryRunEvent.Answered a) {
                answer = a.answer() != null ? a.answer() : parse(parts.toString());
                step.put("cached", a.cached());
                state = returnPath ? DELIVERING : COMPLETED;
            } else if (event instanceof QueryRunEvent.Failed f) {
                step.put("status", "failed");
                errors.addObject().put("code", f.code()).put("message", f.message());
                state = FAILED;
            } else if (event instanceof QueryRunEvent.Delivered d) {
                step.put("type", d.type()).put("location", d.location()).put("attempts", d.attempts());
                state = COMPLETED;
            } else if (event instanceof QueryRunEvent.DeliveryFailed d) {
                step.put("status", "failed").put("type", d.type()).put("attempts", d.attempts());
                errors.addObject().put("code", "DELIVERY_FAILED").put("message", d.message());
                state = FAILED;
            }
            json.put("updatedAt", event.at().toString());
        }
        json.put("state", state);
        json.set("steps", steps);
        json.set("errors", errors);
        if (answer != null) {
            answer.fields().forEachRemaining(field -> json.set(field.getKey(), field.getValue()));
        }
        return new QueryRunStatus(queryId, query, state, answer, json);
    }

    private static JsonNode parse(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the parts of a recorded answer are not JSON", e);
        }
    }
}
