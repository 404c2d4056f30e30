package io.farmhub.commands;

import io.farmhub.core.CommandRequest;
import java.util.Set;
import java.util.function.Function;

/** Tells the {@link OrderedSubmitter} what a command may read or write. */
@FunctionalInterface
public interface Footprints {

    /**
     * The command's footprint. {@code pendingPlaces} gives, for a cow stream, the barns that earlier commands of
     * the sequence, still unfinished, may leave her in: call it before reading her location from the store, so a
     * command finishing in between is seen by one of the two.
     */
    Footprint of(CommandRequest command, Function<String, Set<String>> pendingPlaces);
}
