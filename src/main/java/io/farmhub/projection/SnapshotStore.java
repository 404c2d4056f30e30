package io.farmhub.projection;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where cached projection states live, per projection and generation: SQLite tables (embedded) or the blob
 * container {@code projection-snapshots} (azure). A rebuild fills a new generation while the current one keeps
 * serving, then {@link #switchTo} makes it current in one step.
 *
 * <p>Writes are conditional on the ETag the writer read, so two writers of one instance (two hub instances, a
 * notification racing reconciliation) never silently overwrite each other: the loser reads again and re-applies.
 */
public interface SnapshotStore extends AutoCloseable {

    Optional<Snapshot> read(String projection, int generation, String key);

    /**
     * Stores {@code snapshot} if the stored one still has {@code snapshot.etag()} (null: if none is stored yet).
     *
     * @return the snapshot with its new ETag, or empty when another writer got there first
     */
    Optional<Snapshot> write(int generation, Snapshot snapshot);

    /** Stores snapshots unconditionally (a rebuild's generation has no other writer until it is switched on). */
    void writeAll(int generation, List<Snapshot> snapshots);

    /** Every cached instance of {@code projection} with the version it reflects; cheap (no state is read). */
    Map<String, Long> versions(String projection, int generation);

    /** Keys of the instances whose facets meet {@code query}. */
    Set<String> find(int generation, FacetQuery query);

    /** The generation serving reads; 0 before the projection was ever built. */
    int currentGeneration(String projection);

    /** Reserves a generation number never used before for {@code projection}. */
    int newGeneration(String projection);

    /** Makes {@code generation} the one serving reads, atomically. */
    void switchTo(String projection, int generation);

    /** Deletes a generation no longer served. */
    void drop(String projection, int generation);

    /** "sqlite" or "blob", for logs. */
    String kind();

    @Override
    default void close() {
    }
}
