package io.farmhub.queries;

import io.farmhub.core.StreamId;
import java.util.List;
import java.util.Map;

/**
 * An answer in the cache with what it was computed from, so that it is served only while all of it is current
 * ({@link RunSources#current}):
 * <ul>
 * <li>{@code listed}: for each aggregate type the run read whole, the type's streams and versions when the run
 * began; the type's streams now must be exactly those, so a write to one cow or a new cow both make
 * herd-register stale while a tractor's answers stay fresh (a stream written between the listing and its read
 * only makes the answer stale sooner than needed, never served too long);</li>
 * <li>{@code members}: for a run over a classifier set, the set's members, which must still be the members;</li>
 * <li>{@code read}: each member's and each stream a parameter names, with its version as read.</li>
 * </ul>
 * A stable answer (a {@code knownAt} safely in the past) never goes stale: nothing recorded later can be seen
 * by it.
 *
 * @param queryId the run that computed it, whose stream keeps the answer as it was given
 * @param members null unless the run fanned out over a classifier set
 */
record CachedAnswer(String queryId, QueryAnswer answer, Map<String, Map<StreamId, Long>> listed,
        List<StreamId> members, Map<StreamId, Long> read, boolean stable) {
}
