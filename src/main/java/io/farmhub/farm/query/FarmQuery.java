package io.farmhub.farm.query;

import io.farmhub.core.Aggregate;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One query of domain.md, as a pure function: read the parameters, say which streams it needs, and answer
 * from their envelopes as of {@code asOf} and {@code knownAt}. It knows no transport, cache or store; the
 * read side loads {@link #streams} and calls {@link #run}.
 *
 * @param <P> its parameters
 * @param <R> its result
 */
public interface FarmQuery<P extends QueryParameters, R> {

    /** domain.md's name, e.g. {@code herd-register}. */
    String name();

    /** The aggregate types whose streams it may read. */
    List<Aggregate<?>> aggregates();

    /**
     * Reads text parameters (as in a URL). {@code today} is the farm's date, the default {@code asOf}: a query
     * never reads a clock.
     */
    Parsed<P> parse(Map<String, String> parameters, LocalDate today);

    /** The streams a run with these parameters reads: by default every stream of {@link #aggregates}. */
    default StreamSelection streams(P parameters) {
        return StreamSelection.every(aggregates().toArray(Aggregate<?>[]::new));
    }

    /** The answer, from the streams as {@code view} shows them. */
    R answer(P parameters, StreamView view);

    default QueryResult<R> run(P parameters, FarmStreams streams) {
        Bitemporal when = parameters.when();
        StreamView view = new StreamView(streams, when);
        R result = answer(parameters, view);
        return new QueryResult<>(name(), parameters.canonical(), when.asOf(), when.knownAt(), view.sourceVersions(),
                result);
    }
}
