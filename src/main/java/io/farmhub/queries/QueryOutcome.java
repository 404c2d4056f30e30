package io.farmhub.queries;

/**
 * The end of one asking: the request, the answer, and the run that computed the answer. A fresh answer was
 * computed by this very request's run; a cached one by an earlier run, whose stream keeps it as it was given.
 */
public record QueryOutcome(QueryRequest request, String computedBy, QueryAnswer answer) {
}
