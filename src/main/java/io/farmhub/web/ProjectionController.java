package io.farmhub.web;

import io.farmhub.farm.Identities;
import io.farmhub.projection.CachedProjection;
import io.farmhub.projection.FarmProjections;
import io.farmhub.projection.ProjectionCache;
import io.farmhub.projection.ProjectionRebuild;
import io.farmhub.projection.RebuildProgress;
import io.farmhub.projection.UnknownProjectionException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cached projections over HTTP: {@code GET /api/projections/{projection}/{key}} serves an instance's state
 * with the stream version it reflects; {@code POST /api/projections/{projection}/rebuild} starts a rebuild
 * (202; the running one if there is one) and {@code GET} on the same path reads its progress.
 */
@RestController
public class ProjectionController {

    private final ProjectionCache cache;
    private final ProjectionRebuild rebuild;

    public ProjectionController(ProjectionCache cache, ProjectionRebuild rebuild) {
        this.cache = cache;
        this.rebuild = rebuild;
    }

    @GetMapping("/api/projections/{projection}/{key}")
    Map<String, Object> state(@PathVariable String projection, @PathVariable String key) {
        String normal = normalise(projection, key);
        CachedProjection cached = cache.get(projection, normal).orElseThrow(() -> new NotFound(
                "The " + projection + " projection has nothing for '" + normal + "'."));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("projection", cached.projection());
        body.put("key", cached.key());
        body.put("version", cached.version());
        body.put("state", cached.state());
        return body;
    }

    @PostMapping("/api/projections/{projection}/rebuild")
    ResponseEntity<RebuildProgress> rebuild(@PathVariable String projection) {
        RebuildProgress progress = rebuild.start(projection);
        return ResponseEntity.accepted().location(URI.create("/api/projections/" + projection + "/rebuild"))
                .body(progress);
    }

    @GetMapping("/api/projections/{projection}/rebuild")
    RebuildProgress rebuildProgress(@PathVariable String projection) {
        return rebuild.progress(projection).orElseThrow(() -> new NotFound(
                "No rebuild of " + projection + " has run since FarmHub started."));
    }

    @ExceptionHandler(UnknownProjectionException.class)
    ProblemDetail unknown(UnknownProjectionException e) {
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", null,
                e.getMessage() + "; the projections are " + FarmProjections.names() + ".");
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", null, e.getMessage());
    }

    @ExceptionHandler(BadKey.class)
    ProblemDetail badKey(BadKey e) {
        return problem(HttpStatus.BAD_REQUEST, "MALFORMED", "key", e.getMessage());
    }

    /** Keys are normalised as commands normalise them, so {@code IE1234567 0012} finds {@code IE12345670012}. */
    private static String normalise(String projection, String key) {
        String aggregate = FarmProjections.named(projection).aggregate();
        String normal = switch (aggregate) {
            case "cow" -> Identities.earTag(key);
            case "tractor" -> Identities.chassisNumber(key);
            default -> Identities.slug(key);
        };
        boolean valid = switch (aggregate) {
            case "cow" -> Identities.isEarTag(normal);
            case "tractor" -> Identities.isChassisNumber(normal);
            default -> Identities.isSlug(normal);
        };
        if (!valid) {
            throw new BadKey("'" + key + "' is not a valid " + aggregate + " key.");
        }
        return normal;
    }

    private static ProblemDetail problem(HttpStatus status, String code, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:farmhub:problem:" + code.toLowerCase().replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        problem.setProperty("field", field);
        return problem;
    }

    private static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    private static final class BadKey extends RuntimeException {
        BadKey(String message) {
            super(message);
        }
    }
}
