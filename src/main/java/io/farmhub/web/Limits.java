package io.farmhub.web;

/** The {@code limit} query parameter of the list endpoints: 50 by default, 1 to 1000. */
final class Limits {

    static final int DEFAULT = 50;
    static final int MAX = 1000;

    private Limits() {
    }

    static int parse(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.malformed("limit", "limit must be a whole number from 1 to " + MAX + ".");
    }
}
