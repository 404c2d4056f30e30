package io.farmhub.projection;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.Json;

/**
 * One projection instance as cached: its state (the projection record's JSON, e.g. {@code CowSummary}) and
 * the version of the instance's own stream it reflects.
 */
public record CachedProjection(String projection, String key, long version, JsonNode state) {

    /** The state as its projection record, e.g. {@code cached.as(CowSummary.class)}. */
    public <T> T as(Class<T> type) {
        return Json.MAPPER.convertValue(state, type);
    }
}
