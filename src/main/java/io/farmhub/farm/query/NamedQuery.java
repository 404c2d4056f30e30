package io.farmhub.farm.query;

import io.farmhub.core.Aggregate;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A query's name and the aggregate types it reads, which every query states the same way. */
abstract class NamedQuery<P extends QueryParameters, R> implements FarmQuery<P, R> {

    private final String name;
    private final List<Aggregate<?>> aggregates;

    NamedQuery(String name, Aggregate<?>... aggregates) {
        this.name = name;
        this.aggregates = List.of(aggregates);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<Aggregate<?>> aggregates() {
        return aggregates;
    }

    /** The parameters of a query that takes only asOf and knownAt. */
    final Parsed<Bitemporal> parseWhen(Map<String, String> parameters, LocalDate today) {
        RawParameters raw = new RawParameters(name, parameters);
        Bitemporal when = raw.when(today);
        return raw.parsed(() -> when);
    }
}
