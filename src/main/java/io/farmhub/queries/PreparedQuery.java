package io.farmhub.queries;

import io.farmhub.farm.query.FarmQuery;
import io.farmhub.farm.query.FarmStreams;
import io.farmhub.farm.query.Parsed;
import io.farmhub.farm.query.QueryParameters;
import io.farmhub.farm.query.QueryResult;
import io.farmhub.farm.query.StreamSelection;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;

/**
 * A pure query together with parameters it accepted, so the engine can ask it for its streams and run it
 * without knowing its parameter and result types.
 */
final class PreparedQuery<P extends QueryParameters, R> {

    private final FarmQuery<P, R> query;
    private final P parameters;

    private PreparedQuery(FarmQuery<P, R> query, P parameters) {
        this.query = query;
        this.parameters = parameters;
    }

    /** The query with its parameters read from text, or the query's own MALFORMED rejections. */
    static <P extends QueryParameters, R> Parsed<PreparedQuery<?, ?>> prepare(FarmQuery<P, R> query,
            Map<String, String> parameters, LocalDate today) {
        Parsed<P> parsed = query.parse(parameters, today);
        if (parsed instanceof Parsed.Valid<P> valid) {
            return new Parsed.Valid<>(new PreparedQuery<>(query, valid.parameters()));
        }
        return new Parsed.Invalid<>(((Parsed.Invalid<P>) parsed).rejections());
    }

    String name() {
        return query.name();
    }

    QueryParameters parameters() {
        return parameters;
    }

    SortedMap<String, String> canonical() {
        return parameters.canonical();
    }

    StreamSelection streams() {
        return query.streams(parameters);
    }

    QueryResult<R> run(FarmStreams streams) {
        return query.run(parameters, streams);
    }
}
