package io.farmhub.projection;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.Json;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One per-instance projection of domain.md as the runner drives it: the aggregate whose streams it folds (one
 * instance per stream, keyed by the stream's key), its empty state, its fold, and the facets its state
 * carries for the classifiers ({@link Facets}). The fold itself is the domain's pure function; this only says
 * how to store and find it.
 */
public record ProjectionDefinition<S>(String name, String aggregate, Class<S> type, Function<String, S> empty,
        Fold<S> fold, ToLongFunction<S> version, Function<S, Map<String, String>> facets) {

    /** The domain's {@code apply(state, envelope, event)}; an envelope at or below the state's version changes nothing. */
    @FunctionalInterface
    public interface Fold<S> {
        S apply(S state, EventEnvelope envelope, Object event);
    }

    public S decode(String json) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the cached " + name + " does not read back as " + type.getSimpleName()
                    + " (rebuild the projection): " + e.getMessage(), e);
        }
    }

    public String encode(S state) {
        try {
            return Json.MAPPER.writeValueAsString(state);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + name + " as JSON: " + e.getMessage(), e);
        }
    }
}
