package io.farmhub.queries;

import io.farmhub.core.StreamId;
import io.farmhub.eventstore.StreamVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * An answer in the cache with the stream versions it was computed from, so it is served only while all of them
 * are still current. For each aggregate type the run fanned out over, that is the type's listing when the run
 * began: the type's streams now must be exactly those, at those versions, so a write to one cow or a new cow both
 * make {@code herd-register} stale while a tractor's answers stay fresh. (A stream written between the listing and
 * its read only makes the answer stale sooner than needed, never served too long.) For each stream a parameter
 * names (one animal's history), its version as read. A stable answer (a {@code knownAt} safely in the past) never
 * goes stale: nothing recorded later can be seen by it.
 *
 * @param queryId the run that computed it, whose stream keeps the answer as it was given
 */
record CachedAnswer(String queryId, QueryAnswer answer, Map<String, Map<StreamId, Long>> listed,
        Map<StreamId, Long> named, boolean stable) {

    static CachedAnswer of(String queryId, QueryAnswer answer, Map<String, List<StreamVersion>> listed,
            Map<StreamId, Long> named, boolean stable) {
        Map<String, Map<StreamId, Long>> byType = new HashMap<>();
        listed.forEach((type, streams) -> byType.put(type, versions(streams)));
        return new CachedAnswer(queryId, answer, byType, Map.copyOf(named), stable);
    }

    /**
     * Whether every source is still at its version: {@code listed} is each aggregate type's streams now (the
     * listing a new run would fan out over), {@code version} a single stream's version now.
     */
    boolean current(Map<String, List<StreamVersion>> listedNow, ToLongFunction<StreamId> version) {
        if (stable) {
            return true;
        }
        for (Map.Entry<String, Map<StreamId, Long>> type : listed.entrySet()) {
            List<StreamVersion> now = listedNow.get(type.getKey());
            if (now == null || !same(type.getValue(), now)) {
                return false;
            }
        }
        for (Map.Entry<StreamId, Long> stream : named.entrySet()) {
            if (version.applyAsLong(stream.getKey()) != stream.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(Map<StreamId, Long> then, List<StreamVersion> now) {
        if (then.size() != now.size()) {
            return false; // a stream was added
        }
        for (StreamVersion stream : now) {
            Long seen = then.get(stream.stream());
            if (seen == null || seen != stream.version()) {
                return false;
            }
        }
        return true;
    }

    private static Map<StreamId, Long> versions(List<StreamVersion> streams) {
        Map<StreamId, Long> versions = new HashMap<>();
        streams.forEach(s -> versions.put(s.stream(), s.version()));
        return versions;
    }
}
