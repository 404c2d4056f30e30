package io.farmhub.queries;

import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The classifier set (domain.md "Classifiers") holding every instance a question can be about, when there is
 * one: herd-register asks about the {@code on-farm} cows, animals-at about {@code at-location(location)},
 * tb-tests-due about {@code tb-test-due(asOf)}, tractors-service-due about {@code service-due(asOf)} and
 * loan-collateral about {@code pledged(loanId)}. The index holds sets as they are now, so only a question about
 * today as everything recorded shows it ({@code asOf} today, no {@code knownAt}) may fan out over a set; any
 * other reads every instance of its types. A set is as current as the projections (the notification lag); the
 * pure query still decides from each member's stream, so a member that just left is never in an answer.
 */
record ClassifierSet(String classifier, String setKey) {

    static Optional<ClassifierSet> of(String query, SortedMap<String, String> canonical, LocalDate today) {
        String asOf = canonical.get("asOf");
        if (canonical.containsKey("knownAt") || !today.toString().equals(asOf)) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (query) {
            case "herd-register" -> new ClassifierSet("on-farm", "");
            case "animals-at" -> new ClassifierSet("at-location", canonical.get("location"));
            case "tb-tests-due" -> new ClassifierSet("tb-test-due", asOf);
            case "tractors-service-due" -> new ClassifierSet("service-due", asOf);
            case "loan-collateral" -> new ClassifierSet("pledged", canonical.get("loanId"));
            default -> null;
        });
    }
}
