package io.farmhub.web;

import java.util.List;
import java.util.function.Predicate;

/**
 * Who asks a query over HTTP: the name runs are recorded under, and which aggregate types ({@code cow},
 * {@code field}, {@code barn}, {@code tractor}) the caller may read. A query may be run by a caller who may read
 * every type it reads: a vet (cows only) runs the cow queries, not farm-summary.
 */
public record QueryCaller(String name, Predicate<String> mayRead) {

    public boolean mayRun(List<String> aggregateTypes) {
        return aggregateTypes.stream().allMatch(mayRead);
    }
}
