package io.farmhub.queries;

import io.farmhub.core.StreamId;
import io.farmhub.eventstore.StreamVersion;
import io.farmhub.farm.query.StreamSelection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * An answer in the cache with every stream version it was computed from, so it is served only while all of them
 * are still current. For a query over a whole aggregate type that means the type's streams now are exactly the
 * streams read, at the versions read: a write to one cow or a new cow both make {@code herd-register} stale,
 * while a tractor's stay fresh. A stable answer (a {@code knownAt} safely in the past) never goes stale: nothing
 * recorded later can be seen by it.
 *
 * @param queryId the run that computed it, whose stream keeps the answer as it was
 */
record CachedAnswer(String queryId, QueryAnswer answer, Map<String, Map<StreamId, Long>> readByType,
        Map<StreamId, Long> named, boolean stable) {

    static CachedAnswer of(String queryId, QueryAnswer answer, StreamSelection selection, Map<StreamId, Long> read,
            boolean stable) {
        Map<String, Map<StreamId, Long>> byType = new HashMap<>();
        selection.aggregateTypes().forEach(type -> byType.put(type, new HashMap<>()));
        Map<StreamId, Long> named = new HashMap<>();
        read.forEach((stream, version) -> {
            if (selection.streams().contains(stream)) {
                named.put(stream, version);
            } else if (byType.containsKey(stream.aggregate())) {
                byType.get(stream.aggregate()).put(stream, version);
            }
        });
        return new CachedAnswer(queryId, answer, byType, named, stable);
    }

    /**
     * Whether every source is still at the version read: {@code listed} is each aggregate type's streams now (the
     * listing the new run would fan out over), {@code version} gives a single stream's version now.
     */
    boolean current(Map<String, List<StreamVersion>> listed, ToLongFunction<StreamId> version) {
        if (stable) {
            return true;
        }
        for (Map.Entry<String, Map<StreamId, Long>> type : readByType.entrySet()) {
            List<StreamVersion> now = listed.get(type.getKey());
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

    private static boolean same(Map<StreamId, Long> read, List<StreamVersion> now) {
        if (read.size() != now.size()) {
            return false; // a stream was added (or one read is gone)
        }
        for (StreamVersion stream : now) {
            Long seen = read.get(stream.stream());
            if (seen == null || seen != stream.version()) {
                return false;
            }
        }
        return true;
    }

    Set<String> types() {
        return readByType.keySet();
    }
}
