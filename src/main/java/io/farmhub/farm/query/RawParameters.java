package io.farmhub.farm.query;

import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;
import io.farmhub.farm.Identities;
import io.farmhub.farm.Location;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A query's parameters as they arrive (text, as in a URL), read into values. Every problem becomes a
 * {@code MALFORMED} rejection naming the parameter, and all of them are reported at once. A blank value counts
 * as not given. Every query takes {@code asOf} and {@code knownAt} (domain.md); a name the query does not take
 * is reported too, because a misspelt parameter silently ignored would answer another question.
 */
final class RawParameters {

    static final String AS_OF = "asOf";
    static final String KNOWN_AT = "knownAt";

    private final Map<String, String> raw;
    private final List<Rejection> problems = new ArrayList<>();

    /** @param own the parameters this query takes besides asOf and knownAt */
    RawParameters(String query, Map<String, String> raw, String... own) {
        this.raw = raw == null ? Map.of() : raw;
        Set<String> taken = new LinkedHashSet<>(List.of(own));
        taken.add(AS_OF);
        taken.add(KNOWN_AT);
        for (String name : new TreeSet<>(this.raw.keySet())) {
            if (!taken.contains(name)) {
                problem(name, "'" + name + "' is not a parameter of " + query + "; it takes "
                        + String.join(", ", taken) + ".");
            }
        }
    }

    /** asOf defaults to {@code today}; without knownAt the query sees everything recorded. */
    Bitemporal when(LocalDate today) {
        LocalDate asOf = date(AS_OF, false);
        Instant knownAt = instant(KNOWN_AT);
        return new Bitemporal(asOf == null ? today : asOf, knownAt);
    }

    LocalDate date(String name, boolean required) {
        return value(name, required).map(v -> {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                problem(name, name + " must be a date such as 2026-06-30, not '" + v + "'.");
                return null;
            }
        }).orElse(null);
    }

    /** An ISO-8601 instant with its offset, e.g. {@code 2026-07-01T00:00:00Z}. */
    Instant instant(String name) {
        return value(name, false).map(v -> {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                problem(name, name + " must be an instant with its offset, such as 2026-07-01T00:00:00Z, not '"
                        + v + "'.");
                return null;
            }
        }).orElse(null);
    }

    /** Normalised as domain.md says ({@code IE1234567 0012} → {@code IE12345670012}). */
    String earTag(String name, boolean required) {
        return value(name, required).map(v -> {
            String tag = Identities.earTag(v);
            if (!Identities.isEarTag(tag)) {
                problem(name, "'" + v + "' is not an ear tag (two letters and 6 to 14 digits, e.g. IE12345670012).");
                return null;
            }
            return tag;
        }).orElse(null);
    }

    Location location(String name) {
        return value(name, true).map(v -> Location.parse(v).orElseGet(() -> {
            problem(name, "'" + v + "' is not a location; write field:<code> or barn:<code>, e.g. barn:calf-shed.");
            return null;
        })).orElse(null);
    }

    String text(String name) {
        return value(name, true).orElse(null);
    }

    void problem(String name, String message) {
        problems.add(Rejection.of(ErrorCode.MALFORMED, name, message));
    }

    /** The parameters, made only when every one was read without a problem. */
    <P> Parsed<P> parsed(Supplier<P> parameters) {
        return problems.isEmpty() ? new Parsed.Valid<>(parameters.get()) : new Parsed.Invalid<>(problems);
    }

    private Optional<String> value(String name, boolean required) {
        String v = raw.get(name);
        if (v == null || v.isBlank()) {
            if (required) {
                problem(name, "Give " + name + "; this query needs it.");
            }
            return Optional.empty();
        }
        return Optional.of(v.trim());
    }
}
