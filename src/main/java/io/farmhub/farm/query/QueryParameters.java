package io.farmhub.farm.query;

import java.util.SortedMap;

/** What every query's parameters have: the times it looks from, and a canonical text form. */
public interface QueryParameters {

    Bitemporal when();

    /**
     * Every parameter, defaults filled in and keys normalised, as text sorted by name: what a result echoes,
     * and what a cache can key on (the same question always has the same canonical form).
     */
    SortedMap<String, String> canonical();
}
