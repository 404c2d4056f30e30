package io.farmhub.web;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import io.farmhub.farm.Identities;
import io.farmhub.security.Permissions;
import io.farmhub.security.User;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A stream's events with their envelopes, as the world was on {@code asOf} (business date) and as FarmHub
 * knew it at {@code knownAt} (recorded instant). {@code /api/streams/{aggregate}/{key}} reads domain
 * {@code farm} (the key is normalised first, so {@code IE1234567 0012} finds {@code IE12345670012});
 * {@code /api/streams/{domain}/{aggregate}/{key}} also reaches a command's own stream
 * ({@code command/<CommandType>/<key>}) and query runs ({@code query/...}).
 */
@RestController
public class StreamController {

    private static final Set<String> FARM_AGGREGATES = Set.of("cow", "field", "barn", "tractor");
    private static final Set<String> DOMAINS = Set.of("farm", "command", "query");

    private final EventStore store;
    private final Permissions permissions;

    public StreamController(EventStore store, Permissions permissions) {
        this.store = store;
        this.permissions = permissions;
    }

    @GetMapping("/api/streams/{aggregate}/{key}")
    Map<String, Object> farmStream(@PathVariable String aggregate, @PathVariable String key,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt, User user) {
        return stream("farm", aggregate, key, asOf, knownAt, user);
    }

    @GetMapping("/api/streams/{domain}/{aggregate}/{key}")
    Map<String, Object> stream(@PathVariable String domain, @PathVariable String aggregate,
            @PathVariable String key, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt, User user) {
        if (!DOMAINS.contains(domain)) {
            throw ApiProblem.notFound("There is no domain '" + domain + "'; streams live in " + DOMAINS + ".");
        }
        if (domain.equals("farm") && !FARM_AGGREGATES.contains(aggregate)) {
            throw ApiProblem.notFound("The farm has no aggregate type '" + aggregate + "'; it has "
                    + FARM_AGGREGATES + ".");
        }
        StreamId stream = streamId(domain, aggregate, domain.equals("farm") ? normalise(aggregate, key) : key);
        checkReadable(stream, user);
        LocalDate asOfDate = parse("asOf", asOf, LocalDate::parse);
        Instant knownAtInstant = parse("knownAt", knownAt, Instant::parse);
        if (store.version(stream) == 0) {
            throw ApiProblem.notFound("The stream " + stream + " has no events.");
        }
        List<EventEnvelope> events = store.read(stream, 1, asOfDate, knownAtInstant);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stream", stream.toString());
        body.put("version", events.isEmpty() ? 0 : events.get(events.size() - 1).version());
        body.put("asOf", asOfDate);
        body.put("knownAt", knownAtInstant);
        body.put("events", events);
        return body;
    }

    private void checkReadable(StreamId stream, User user) {
        boolean allowed = switch (stream.domain()) {
            case "farm" -> permissions.mayRead(user, stream.aggregate());
            case "query" -> permissions.mayRead(user, Permissions.QUERIES);
            default -> permissions.mayRead(user, Permissions.COMMANDS) || submittedBy(stream, user);
        };
        if (!allowed) {
            throw ApiProblem.forbidden(user.name() + " may not read " + stream.category() + " streams.");
        }
    }

    /** A command's own stream is readable by its submitter, found through the first entry's who. */
    private boolean submittedBy(StreamId stream, User user) {
        List<EventEnvelope> first = store.read(stream, 1, null, null);
        return !first.isEmpty() && user.name().equals(first.get(0).who());
    }

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

    private static StreamId streamId(String domain, String aggregate, String key) {
        try {
            return StreamId.of(domain, aggregate, key);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.malformed("key", e.getMessage() + ".");
        }
    }

    private static <T> T parse(String name, String value, java.util.function.Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiProblem.malformed(name, name.equals("asOf")
                    ? "asOf must be a date such as 2026-11-20."
                    : "knownAt must be an instant such as 2026-11-27T05:01:02Z.");
        }
    }
}
