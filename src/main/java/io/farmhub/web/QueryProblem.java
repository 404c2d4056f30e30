package io.farmhub.web;

import io.farmhub.core.Rejection;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A question the query API refuses, answered as {@code application/problem+json} in the API's one shape
 * ({@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}, {@code code}, {@code field}), plus
 * {@code errors}: every problem found, since a query's parameters are all checked at once and a client can fix
 * them all at once. Not a fault: no stack trace is kept.
 */
public class QueryProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<Rejection> problems;

    public QueryProblem(HttpStatus status, List<Rejection> problems) {
        super(problems.get(0).message(), null, false, false);
        this.status = status;
        this.code = problems.get(0).code().name();
        this.problems = List.copyOf(problems);
    }

    private QueryProblem(HttpStatus status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.problems = List.of();
    }

    static QueryProblem notFound(String message) {
        return new QueryProblem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, message);
    }

    ProblemDetail detail(String path) {
        ProblemDetail problem = Problems.of(status, code, problems.isEmpty() ? null : problems.get(0).field(),
                getMessage());
        problem.setInstance(Problems.instance(path));
        problem.setProperty("errors", problems.stream()
                .map(p -> new Error(p.code().name(), p.field(), p.message())).toList());
        return problem;
    }

    HttpStatus status() {
        return status;
    }

    record Error(String code, String field, String message) {
    }
}
