package io.farmhub.farm.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A query's answer with what it was computed from (interfaces.md: {@code GET /api/queries/{query}}; the read
 * side adds {@code computedAt} and {@code cached}).
 *
 * @param parameters     the canonical parameters, defaults filled in
 * @param knownAt        null when the query saw everything recorded
 * @param sourceVersions every stream read (e.g. {@code farm/cow/IE22013340007}) with its version when read,
 *                       events hidden by asOf or knownAt included: the result holds while none of them grows
 */
public record QueryResult<R>(String query, SortedMap<String, String> parameters, LocalDate asOf, Instant knownAt,
        SortedMap<String, Long> sourceVersions, R result) {

    public QueryResult {
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
        sourceVersions = Collections.unmodifiableSortedMap(new TreeMap<>(sourceVersions));
    }
}
