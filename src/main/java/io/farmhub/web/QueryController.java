package io.farmhub.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.farmhub.core.CommandSource;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.Json;
import io.farmhub.core.Rejection;
import io.farmhub.queries.Asked;
import io.farmhub.queries.QueryEngine;
import io.farmhub.queries.QueryOutcome;
import io.farmhub.queries.QueryRunStatus;
import io.farmhub.security.Permissions;
import io.farmhub.security.User;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Queries over HTTP (interfaces.md): {@code GET /api/queries/{query}?<params>} answers at once (the run that
 * computed the answer is named in {@code Content-Location}); {@code POST /api/queries/{query}} starts a run that
 * delivers to a return path (202, {@code queryId} and {@code statusUrl}); {@code GET /api/queries/runs/{queryId}}
 * reads a run back, its answer as it was given.
 */
@RestController
@RequestMapping("/api/queries")
public class QueryController {

    private final QueryEngine engine;
    private final Permissions permissions;

    public QueryController(QueryEngine engine, Permissions permissions) {
        this.engine = engine;
        this.permissions = permissions;
    }

    @GetMapping("/{query}")
    ResponseEntity<JsonNode> ask(@PathVariable String query, @RequestParam MultiValueMap<String, String> parameters,
            User user) {
        allowed(query, user);
        Asked asked = engine.ask(query, single(parameters), user.name(), CommandSource.api(user.name()));
        QueryOutcome outcome = ((Asked.Answered) refusedUnless(asked, Asked.Answered.class)).outcome();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_LOCATION, runUrl(outcome.computedBy()))
                .body(outcome.answer().json());
    }

    @PostMapping(path = "/{query}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JsonNode> submit(@PathVariable String query, @RequestBody JsonNode body, User user) {
        allowed(query, user);
        QueryRunRequest run = QueryRunRequest.read(body);
        Asked asked = engine.submit(query, run.parameters(), run.returnPath(), user.name(),
                CommandSource.api(user.name()));
        if (asked instanceof Asked.Invalid invalid) {
            // The body's JSON paths: a parameter is $.parameters.<name>, the return path $.returnPath.<field>.
            asked = new Asked.Invalid(invalid.rejections().stream().map(r -> new Rejection(r.code(),
                    r.field() == null ? null : (r.field().startsWith("returnPath") ? "$." : "$.parameters.")
                            + r.field(), r.message())).toList());
        }
        String queryId = ((Asked.Accepted) refusedUnless(asked, Asked.Accepted.class)).queryId();
        ObjectNode accepted = Json.MAPPER.createObjectNode().put("queryId", queryId).put("statusUrl", runUrl(queryId));
        return ResponseEntity.accepted().location(URI.create(runUrl(queryId))).body(accepted);
    }

    @GetMapping("/runs/{queryId}")
    JsonNode run(@PathVariable String queryId, User user) {
        QueryRunStatus run = engine.run(queryId).orElseThrow(() -> QueryProblem.notFound(
                "No query run has the id '" + queryId + "'."));
        if (!user.name().equals(run.json().path("requestedBy").asText())) {
            allowed(run.query(), user);
        }
        return run.json();
    }

    /**
     * A query may be run by whoever may read every aggregate type it reads (farmhub.security.reads): a vet, who
     * reads cows, runs the cow queries but not farm-summary; a contractor runs none.
     */
    private void allowed(String query, User user) {
        List<String> reads = engine.reads(query).orElse(List.of());
        if (!reads.stream().allMatch(type -> permissions.mayRead(user, type))) {
            throw new QueryProblem(HttpStatus.FORBIDDEN, List.of(Rejection.of(ErrorCode.FORBIDDEN, null,
                    user.name() + " may not run " + query + ", which reads " + String.join(", ", reads) + ".")));
        }
    }

    private static Asked refusedUnless(Asked asked, Class<? extends Asked> expected) {
        if (asked instanceof Asked.UnknownQuery unknown) {
            throw QueryProblem.notFound("FarmHub has no query called '" + unknown.query() + "'; the queries are "
                    + String.join(", ", unknown.known()) + ".");
        }
        if (asked instanceof Asked.Invalid invalid) {
            throw new QueryProblem(HttpStatus.BAD_REQUEST, invalid.rejections());
        }
        return expected.cast(asked);
    }

    /** A parameter given twice would answer one of two questions: it is refused, not guessed. */
    private static Map<String, String> single(MultiValueMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            if (p.getValue().size() > 1) {
                throw new QueryProblem(HttpStatus.BAD_REQUEST, List.of(Rejection.of(ErrorCode.MALFORMED, p.getKey(),
                        p.getKey() + " is given " + p.getValue().size() + " times; give it once.")));
            }
        }
        return parameters.toSingleValueMap();
    }

    @ExceptionHandler(QueryProblem.class)
    ResponseEntity<ProblemDetail> refused(QueryProblem problem, HttpServletRequest request) {
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.detail(request.getRequestURI()));
    }

    static String runUrl(String queryId) {
        return "/api/queries/runs/" + queryId;
    }
}
