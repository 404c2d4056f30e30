package io.farmhub.queries;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * What a query run records on its own stream {@code query/<query>/<queryId>}, step by step, so that
 * {@code GET /api/queries/runs/{queryId}} can show where it is and, once done, the answer exactly as it was
 * given. Stored under these logical names ({@link #TYPES}), schema version 1.
 */
public sealed interface QueryRunEvent {

    Map<String, Class<? extends QueryRunEvent>> TYPES = Map.of(
            "QueryRequested", Requested.class,
            "QueryStreamsRead", Read.class,
            "QueryAnswerPart", AnswerPart.class,
            "QueryAnswered", Answered.class,
            "QueryFailed", Failed.class,
            "QueryDelivered", Delivered.class,
            "QueryDeliveryFailed", DeliveryFailed.class);

    Instant at();

    /** The step name shown in the run's status. */
    String step();

    static String typeOf(QueryRunEvent event) {
        return TYPES.entrySet().stream().filter(t -> t.getValue() == event.getClass()).findFirst()
                .orElseThrow().getKey();
    }

    /** @param parameters as the caller gave them (the answer has them canonical) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Requested(String queryId, String query, Map<String, String> parameters, ReturnPath returnPath,
            Instant at) implements QueryRunEvent {
        @Override
        public String step() {
            return "requested";
        }
    }

    /** The fan-out: how many streams and events were read, in how many parallel chunks, in how long. */
    record Read(int streams, int events, int chunks, long millis, Instant at) implements QueryRunEvent {
        @Override
        public String step() {
            return "read";
        }
    }

    /** One piece of an answer too large for one event; the pieces joined are the answer's JSON text. */
    record AnswerPart(int part, String text, Instant at) implements QueryRunEvent {
        @Override
        public String step() {
            return "answer-part";
        }
    }

    /** @param answer the answer as given; null when it was recorded in {@code parts} pieces before this */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Answered(JsonNode answer, Integer parts, boolean cached, Instant at) implements QueryRunEvent {
        @Override
        public String step() {
            return "answered";
        }
    }

    record Failed(String code, String message, Instant at) implements QueryRunEvent {
        @Override
        public String step() {
            return "failed";
        }
    }

    /** @param location where the answer went: the webhook's URL, or the report's key in the reports store */
    record Delivered(String type, String location, int attempts, Instant at) implements QueryRunEvent {
        @Override
        public String step() {
            return "delivered";
        }
    }

    record DeliveryFailed(String type, String target, int attempts, String message, Instant at)
            implements QueryRunEvent {
        @Override
        public String step() {
            return "delivery-failed";
        }
    }
}
