package io.farmhub.queries;

import io.farmhub.core.StreamId;
import java.time.Instant;
import java.util.List;

/**
 * A run about to happen: the request, the query with its accepted parameters and cache key, where it reads
 * ({@link RunSources}), those streams in chunks for the fan-out and, when the cache holds a current answer, that
 * answer.
 *
 * @param cached    null unless a current answer was found
 * @param startedAt by the hub's clock, as every step's time
 * @param readFrom  by the wall clock that stamps recordedAt, before any stream was read: a knownAt well before it
 *                  can see nothing recorded later
 */
record QueryPlan(QueryRequest request, PreparedQuery<?, ?> prepared, String cacheKey, RunSources sources,
        List<List<StreamId>> chunks, CachedAnswer cached, Instant startedAt, Instant readFrom, long startedNanos) {
}
