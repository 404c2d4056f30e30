package io.farmhub.intake;

import java.io.IOException;
import java.util.Optional;

/**
 * A place that keeps documents by key (a slash path such as {@code mary/2026-11-27/moves.csv}): a folder below
 * the data folder (embedded) or a blob container (azure). The inbox archive, the rejected documents in
 * command-errors and the reports are each one store, named by a {@code farmhub.routes.*} endpoint URI and
 * resolved by {@link DocumentStores}.
 *
 * <p>Writes are whole: a reader sees the old document or the new one, never half of one.
 */
public interface DocumentStore {

    /** {@code folder /srv/farmhub/archive} or {@code container inbox-archive}, for logs. */
    String describe();

    boolean exists(String key);

    /**
     * Writes the content under a key nobody holds yet. False, writing nothing, when the key is taken: the caller
     * picks another ({@link FreeKeys}).
     */
    boolean create(String key, DocumentContent content) throws IOException;

    /** Writes the content under the key, replacing what was there. */
    void put(String key, DocumentContent content) throws IOException;

    /** The document under the key, when there is one (small documents only: results, reports, errors). */
    Optional<byte[]> read(String key) throws IOException;
}
