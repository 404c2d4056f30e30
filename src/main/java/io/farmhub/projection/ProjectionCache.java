package io.farmhub.projection;

import java.util.Optional;

/**
 * The cached state of one projection instance (domain.md "Projections"), as the projection runner keeps it:
 * {@code cow-summary}, {@code cow-locations}, {@code field-summary}, {@code barn-summary}, {@code tractor-summary}.
 * Reads serve the generation currently switched on; a rebuild never shows a half-built cache.
 */
public interface ProjectionCache {

    /**
     * The state of {@code projection} for instance {@code key} (the aggregate key in normal form, e.g. an ear tag),
     * or empty when the projection has never seen that instance.
     *
     * @throws UnknownProjectionException for a name that is not a projection of domain.md
     */
    Optional<CachedProjection> get(String projection, String key);
}
