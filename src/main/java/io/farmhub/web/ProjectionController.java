package io.farmhub.web;

import io.farmhub.farm.Identities;
import io.farmhub.projection.CachedProjection;
import io.farmhub.projection.FarmProjections;
import io.farmhub.projection.ProjectionCache;
import io.farmhub.projection.ProjectionDefinition;
import io.farmhub.projection.ProjectionRebuild;
import io.farmhub.projection.RebuildProgress;
import io.farmhub.projection.UnknownProjectionException;
import io.farmhub.security.Permissions;
import io.farmhub.security.User;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cached projections over HTTP: {@code GET /api/projections/{projection}/{key}} serves an instance's state
 * with the stream version it reflects (to whoever may read that aggregate type); {@code POST
 * /api/projections/{projection}/rebuild} starts a rebuild (202; the running one if there is one), granted in the
 * permission table like a command type ({@value #REBUILD}), and {@code GET} on the same path reads its progress.
 */
@RestController
public class ProjectionController {

    /** The permission-table entry that says who may start a rebuild. */
    static final String REBUILD = "RebuildProjection";

    private final ProjectionCache cache;
    private final ProjectionRebuild rebuild;
    private final Permissions permissions;

    public ProjectionController(ProjectionCache cache, ProjectionRebuild rebuild, Permissions permissions) {
        this.cache = cache;
        this.rebuild = rebuild;
        this.permissions = permissions;
    }

    @GetMapping("/api/projections/{projection}/{key}")
    Map<String, Object> state(@PathVariable String projection, @PathVariable String key, User user) {
        ProjectionDefinition<?> definition = readable(projection, user);
        String normal = normalise(definition.aggregate(), key);
        CachedProjection cached = cache.get(projection, normal).orElseThrow(() -> ApiProblem.notFound(
                "The " + projection + " projection has nothing for '" + normal + "'."));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("projection", cached.projection());
        body.put("key", cached.key());
        body.put("version", cached.version());
        body.put("state", cached.state());
        return body;
    }

    @PostMapping("/api/projections/{projection}/rebuild")
    ResponseEntity<RebuildProgress> rebuild(@PathVariable String projection, User user) {
        definition(projection);
        if (!permissions.mayIssue(user, REBUILD)) {
            throw ApiProblem.forbidden(user.name() + " may not rebuild projections.");
        }
        return ResponseEntity.accepted().location(URI.create("/api/projections/" + projection + "/rebuild"))
                .body(rebuild.start(projection));
    }

    @GetMapping("/api/projections/{projection}/rebuild")
    RebuildProgress rebuildProgress(@PathVariable String projection, User user) {
        readable(projection, user);
        return rebuild.progress(projection).orElseThrow(() -> ApiProblem.notFound(
                "No rebuild of " + projection + " has run since FarmHub started."));
    }

    private ProjectionDefinition<?> readable(String projection, User user) {
        ProjectionDefinition<?> definition = definition(projection);
        if (!permissions.mayRead(user, definition.aggregate())) {
            throw ApiProblem.forbidden(user.name() + " may not read " + definition.aggregate() + " projections.");
        }
        return definition;
    }

    private static ProjectionDefinition<?> definition(String projection) {
        try {
            return FarmProjections.named(projection);
        } catch (UnknownProjectionException e) {
            throw ApiProblem.notFound("There is no projection '" + projection + "'; the projections are "
                    + FarmProjections.names() + ".");
        }
    }

    /** Keys are normalised as commands normalise them, so {@code IE1234567 0012} finds {@code IE12345670012}. */
    private static String normalise(String aggregate, String key) {
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
            throw ApiProblem.malformed("key", "'" + key + "' is not a valid " + aggregate + " key.");
        }
        return normal;
    }
}
