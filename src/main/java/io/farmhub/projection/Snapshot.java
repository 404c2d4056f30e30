package io.farmhub.projection;

import java.util.Map;

/**
 * One cached projection instance as stored: its state as JSON, the version of its stream it reflects, its
 * classifier facets, and the store's ETag for conditional writes (null for one not yet stored).
 */
public record Snapshot(String projection, String key, long version, String state, Map<String, String> facets,
        String etag) {

    public Snapshot {
        facets = Map.copyOf(facets);
    }

    public Snapshot withEtag(String newEtag) {
        return new Snapshot(projection, key, version, state, facets, newEtag);
    }
}
