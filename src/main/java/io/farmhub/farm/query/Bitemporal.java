package io.farmhub.farm.query;

import io.farmhub.core.EventEnvelope;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The two times a query looks at the farm from (domain.md): {@code asOf}, the business date (the world as it
 * was on that day: events that occurred on or before it), and {@code knownAt}, the recorded instant (what
 * FarmHub had stored by then). Together: "the herd as it was on 30 June, as we knew it on 1 July".
 *
 * <p>It is also the whole parameters of a query that takes nothing else (herd-register, tb-tests-due, ...).
 *
 * @param asOf    never null: a query without one asks about today, which its caller supplies
 * @param knownAt null for "everything recorded so far"
 */
public record Bitemporal(LocalDate asOf, Instant knownAt) implements QueryParameters {

    public Bitemporal {
        Objects.requireNonNull(asOf, "asOf");
    }

    public static Bitemporal asOf(LocalDate asOf) {
        return new Bitemporal(asOf, null);
    }

    public boolean shows(EventEnvelope envelope) {
        return envelope.visibleAt(asOf, knownAt);
    }

    @Override
    public Bitemporal when() {
        return this;
    }

    /** asOf and (when given) knownAt in their ISO-8601 text form, the start of every query's canonical parameters. */
    @Override
    public SortedMap<String, String> canonical() {
        SortedMap<String, String> parameters = new TreeMap<>();
        parameters.put(RawParameters.AS_OF, asOf.toString());
        if (knownAt != null) {
            parameters.put(RawParameters.KNOWN_AT, knownAt.toString());
        }
        return parameters;
    }
}
