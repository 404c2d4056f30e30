package io.farmhub.queries;

import io.farmhub.core.StreamId;
import io.farmhub.farm.query.StreamSelection;
import java.time.Instant;
import io.farmhub.eventstore.StreamVersion;
import java.util.List;
import java.util.Map;

/**
 * A run about to happen: the request, the query with its accepted parameters and cache key, each aggregate type's
 * streams as listed, the streams it will read in chunks for the fan-out and, when the cache holds a current answer, that answer.
 *
 * @param cached    null unless a current answer was found
 * @param startedAt by the hub's clock, as every step's time
 * @param readFrom  by the wall clock that stamps recordedAt, before any stream was read: a knownAt well before it
 *                  can see nothing recorded later
 */
record QueryPlan(QueryRequest request, PreparedQuery<?, ?> prepared, String cacheKey, StreamSelection selection,
        Map<String, List<StreamVersion>> listed, List<List<StreamId>> chunks, CachedAnswer cached, Instant startedAt, Instant readFrom, long startedNanos) {

    int streams() {
        return chunks.stream().mapToInt(List::size).sum();
    }
}
