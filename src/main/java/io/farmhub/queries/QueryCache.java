package io.farmhub.queries;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Answers by cache key ({@link CacheKey}), in memory, the least recently used dropped beyond
 * {@code farmhub.queries.cache.max-entries}. It only keeps; whether an entry may still be served is
 * {@link CachedAnswer#current}'s to say. A restart starts empty: every answer ever given stays readable on its
 * run's stream, and the next question simply computes afresh.
 */
@Component
public class QueryCache {

    private final Map<String, CachedAnswer> entries;

    public QueryCache(@Value("${farmhub.queries.cache.max-entries:256}") int maxEntries) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CachedAnswer> eldest) {
                return size() > maxEntries;
            }
        };
    }

    synchronized Optional<CachedAnswer> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    synchronized void put(String key, CachedAnswer answer) {
        entries.put(key, answer);
    }

    synchronized void remove(String key) {
        entries.remove(key);
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
