package io.farmhub.queries;

import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.StreamVersion;
import io.farmhub.farm.query.StreamSelection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where one run reads: the members of the question's classifier set when the index can say (a question about
 * today), else every stream of the query's aggregate types as listed now; plus the streams its parameters name.
 * The same sources say whether a cached answer to the same question is still current, as cheaply as they can:
 * the listings already made, one index lookup, and each read stream's version (one lookup each for a few
 * streams, one listing per type for many).
 */
final class RunSources {

    /** Beyond this many streams to check one by one, one listing per type is cheaper. */
    static final int SINGLE_LOOKUPS = 64;

    private final InstanceIndex index;
    private final EventStore store;
    private final StreamSelection selection;
    private final List<StreamId> members;
    private final Map<String, List<StreamVersion>> listed = new TreeMap<>();

    private RunSources(InstanceIndex index, EventStore store, StreamSelection selection, List<StreamId> members) {
        this.index = index;
        this.store = store;
        this.selection = selection;
        this.members = members;
    }

    static RunSources plan(PreparedQuery<?, ?> prepared, LocalDate today, InstanceIndex index, EventStore store) {
        StreamSelection selection = prepared.streams();
        Optional<List<StreamId>> members = ClassifierSet.of(prepared.name(), prepared.canonical(), today)
                .flatMap(set -> index.members(set.classifier(), set.setKey()));
        RunSources sources = new RunSources(index, store, selection, members.map(List::copyOf).orElse(null));
        if (members.isEmpty()) {
            selection.aggregateTypes().forEach(sources::listing);
        }
        return sources;
    }

    /** Every stream to read: the members or the listed types' streams, then the named streams. */
    List<StreamId> streams() {
        List<StreamId> all = new ArrayList<>();
        if (members != null) {
            all.addAll(members);
        } else {
            listed.values().forEach(streams -> streams.forEach(s -> all.add(s.stream())));
        }
        selection.streams().stream().sorted(Comparator.comparing(StreamId::toString)).forEach(all::add);
        return all;
    }

    boolean current(CachedAnswer cached) {
        if (cached.stable()) {
            return true;
        }
        if (cached.members() != null && !cached.members().equals(members)) {
            return false;
        }
        for (Map.Entry<String, Map<StreamId, Long>> type : cached.listed().entrySet()) {
            if (!same(type.getValue(), listing(type.getKey()))) {
                return false;
            }
        }
        return versionsHold(cached.read());
    }

    CachedAnswer remember(String queryId, QueryAnswer answer, StreamsRead read, boolean stable) {
        Map<String, Map<StreamId, Long>> types = new HashMap<>();
        if (members == null) {
            listed.forEach((type, streams) -> types.put(type, versions(streams)));
        }
        Map<StreamId, Long> versions = new HashMap<>();
        read.versions().forEach((stream, version) -> {
            if (members != null || selection.streams().contains(stream)) {
                versions.put(stream, version);
            }
        });
        return new CachedAnswer(queryId, answer, types, members, versions, stable);
    }

    private boolean versionsHold(Map<StreamId, Long> read) {
        if (read.size() <= SINGLE_LOOKUPS) {
            return read.entrySet().stream().allMatch(s -> store.version(s.getKey()) == s.getValue());
        }
        Map<StreamId, Long> now = new HashMap<>();
        read.keySet().stream().map(StreamId::aggregate).distinct()
                .forEach(type -> listing(type).forEach(s -> now.put(s.stream(), s.version())));
        return read.entrySet().stream().allMatch(s -> now.getOrDefault(s.getKey(), 0L).equals(s.getValue()));
    }

    private List<StreamVersion> listing(String type) {
        return listed.computeIfAbsent(type, index::instances);
    }

    private static boolean same(Map<StreamId, Long> then, List<StreamVersion> now) {
        if (then.size() != now.size()) {
            return false; // a stream was added
        }
        return now.stream().allMatch(s -> Long.valueOf(s.version()).equals(then.get(s.stream())));
    }

    private static Map<StreamId, Long> versions(List<StreamVersion> streams) {
        Map<StreamId, Long> versions = new HashMap<>();
        streams.forEach(s -> versions.put(s.stream(), s.version()));
        return versions;
    }
}
