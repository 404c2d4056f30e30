package io.farmhub.queries;

import io.farmhub.core.CommandSource;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * One asking of a query: which query, its parameters as text (as in a URL), who asks and from where, and for an
 * asynchronous run where the answer goes.
 *
 * @param queryId    the run's id: its stream is {@code query/<query>/<queryId>}
 * @param today      the farm's date when asked, the default asOf (an async run started after midnight still
 *                   answers the question asked before it)
 * @param returnPath null for a synchronous run (the answer goes back to the caller)
 * @param recorded   true when the asking is recorded as a run even if a cached answer serves it (an async run, a
 *                   schedule's report); a plain GET served from the cache names the earlier run instead
 */
public record QueryRequest(String queryId, String query, Map<String, String> parameters, LocalDate today,
        String requestedBy, CommandSource source, ReturnPath returnPath, boolean recorded) {

    public QueryRequest {
        parameters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(parameters == null ? Map.of() : parameters));
    }

    public boolean async() {
        return returnPath != null;
    }
}
