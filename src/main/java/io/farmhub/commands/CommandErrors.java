package io.farmhub.commands;

import java.util.List;

/**
 * The command-errors record: a folder {@code ${farmhub.data-dir}/command-errors} (embedded) or the container
 * {@code command-errors} (azure), read back by {@code GET /api/errors}.
 */
public interface CommandErrors {

    void record(CommandError error);

    /** Newest first. */
    List<CommandError> recent(int limit);
}
