package io.farmhub.farm.cow;

import io.farmhub.core.StreamStates;
import io.farmhub.farm.Location;

/**
 * Where cow commands learn about fields and barns (is it registered, may an animal take a place in the barn)
 * without depending on the field and barn packages: whoever builds the handlers supplies one, e.g.
 * {@link StreamLocationDirectory} over the field and barn aggregates.
 */
@FunctionalInterface
public interface LocationDirectory {

    /** Facts about {@code location}, read through {@code states} so the pipeline records the version read. */
    LocationFacts lookUp(StreamStates states, Location location);
}
