package io.farmhub.farm.query;

import io.farmhub.core.Rejection;
import java.util.List;

/** A query's parameters read from text: the typed parameters, or every problem found (MALFORMED, by parameter). */
public sealed interface Parsed<P> {

    record Valid<P>(P parameters) implements Parsed<P> {
    }

    record Invalid<P>(List<Rejection> rejections) implements Parsed<P> {
        public Invalid {
            if (rejections.isEmpty()) {
                throw new IllegalArgumentException("invalid parameters name at least one problem");
            }
            rejections = List.copyOf(rejections);
        }
    }
}
