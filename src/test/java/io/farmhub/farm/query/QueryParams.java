package io.farmhub.farm.query;

import java.util.LinkedHashMap;
import java.util.Map;

/** Query parameters as a URL gives them, written {@code "asOf", "2026-06-30", "knownAt", "..."}. */
final class QueryParams {

    private QueryParams() {
    }

    static Map<String, String> of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come as name, value pairs");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }
}
