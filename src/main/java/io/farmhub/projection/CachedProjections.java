package io.farmhub.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.farmhub.core.Json;
import java.util.Optional;

/** {@link ProjectionCache} over the snapshot store, reading the generation that serves reads. */
public final class CachedProjections implements ProjectionCache {

    private final SnapshotStore store;

    public CachedProjections(SnapshotStore store) {
        this.store = store;
    }

    @Override
    public Optional<CachedProjection> get(String projection, String key) {
        FarmProjections.named(projection);
        return store.read(projection, store.currentGeneration(projection), key).map(s -> {
            try {
                return new CachedProjection(projection, key, s.version(), Json.MAPPER.readTree(s.state()));
            } catch (JsonProcessingException e) {
                throw new ProjectionStoreException("the cached " + projection + " " + key + " is not JSON", e);
            }
        });
    }
}
