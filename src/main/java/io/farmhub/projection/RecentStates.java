package io.farmhub.projection;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The states a follower wrote last, decoded, with the ETag and version they were stored under: the next event of
 * a stream folds onto them without reading and decoding the stored copy (that was a third of a notification's
 * cost). Safe because every write stays conditional on the ETag: a state another writer moved on since (another
 * hub, a rebuild's switch, barn occupancy) makes the write fail, and the follower then reads the store.
 * Least recently used states are forgotten beyond {@code capacity}.
 */
final class RecentStates<S> {

    /** A state as this process last stored it. */
    record Recent<S>(long version, String etag, S state) {
    }

    private final Map<String, Recent<S>> states;

    RecentStates(int capacity) {
        this.states = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Recent<S>> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Recent<S> get(int generation, String key) {
        return states.get(generation + "/" + key);
    }

    synchronized void put(int generation, String key, Recent<S> recent) {
        states.put(generation + "/" + key, recent);
    }

    synchronized void forget(int generation, String key) {
        states.remove(generation + "/" + key);
    }
}
