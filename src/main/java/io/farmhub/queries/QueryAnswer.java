package io.farmhub.queries;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.farmhub.core.Json;
import io.farmhub.farm.query.QueryResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A query's answer as {@code GET /api/queries/{query}} shows it (interfaces.md): the pure query's result with
 * what it was computed from, when, and whether it came from the cache.
 *
 * @param knownAt null when the query saw everything recorded
 * @param result  the pure query's result as JSON, held as a tree so a cached answer is never serialised twice
 */
@JsonPropertyOrder({"query", "parameters", "asOf", "knownAt", "computedAt", "cached", "sourceVersions", "result"})
public record QueryAnswer(String query, SortedMap<String, String> parameters, LocalDate asOf, Instant knownAt,
        Instant computedAt, boolean cached, SortedMap<String, Long> sourceVersions, JsonNode result) {

    public QueryAnswer {
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
        sourceVersions = Collections.unmodifiableSortedMap(new TreeMap<>(sourceVersions));
    }

    static QueryAnswer computed(QueryResult<?> result, Instant computedAt) {
        return new QueryAnswer(result.query(), result.parameters(), result.asOf(), result.knownAt(), computedAt,
                false, result.sourceVersions(), Json.MAPPER.valueToTree(result.result()));
    }

    /** As JSON, sharing the result's tree rather than copying it (an answer over 10,000 cows is large). */
    public ObjectNode json() {
        ObjectNode json = Json.MAPPER.createObjectNode().put("query", query);
        json.set("parameters", Json.MAPPER.valueToTree(parameters));
        json.put("asOf", asOf == null ? null : asOf.toString());
        json.put("knownAt", knownAt == null ? null : knownAt.toString());
        json.put("computedAt", computedAt.toString());
        json.put("cached", cached);
        json.set("sourceVersions", Json.MAPPER.valueToTree(sourceVersions));
        json.set("result", result);
        return json;
    }

    /** The same answer served again: everything as it was computed, only {@code cached} says so. */
    QueryAnswer fromCache() {
        return cached ? this
                : new QueryAnswer(query, parameters, asOf, knownAt, computedAt, true, sourceVersions, result);
    }
}
