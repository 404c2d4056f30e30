package io.farmhub.queries;

import io.farmhub.core.StreamId;
import io.farmhub.farm.query.StreamSelection;
import java.time.Instant;
import java.util.List;

/**
 * A run about to happen: the request, the query with its accepted parameters and cache key, the streams it will
 * read in chunks for the fan-out and, when the cache holds a current answer, that answer.
 *
 * @param cached null unless a current answer was found
 */
record QueryPlan(QueryRequest request, PreparedQuery<?, ?> prepared, String cacheKey, StreamSelection selection,
        List<List<StreamId>> chunks, CachedAnswer cached, Instant startedAt, long startedNanos) {

    int streams() {
        return chunks.stream().mapToInt(List::size).sum();
    }
}
