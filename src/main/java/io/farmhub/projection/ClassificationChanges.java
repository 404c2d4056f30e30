package io.farmhub.projection;

import io.farmhub.farm.Classification;
import io.farmhub.farm.Location;
import io.farmhub.farm.cow.CowClassifier;
import io.farmhub.farm.cow.CowSummary;
import io.farmhub.farm.field.FieldSummary;
import io.farmhub.farm.loan.Pledged;
import io.farmhub.farm.tractor.ServiceDue;
import io.farmhub.farm.tractor.TractorSummary;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which classifier memberships one projection change moved, judged by the domain's own classifiers
 * ({@link CowClassifier}, {@link ServiceDue}, {@link Pledged}) on the state before and after. The time-dependent
 * ones ({@code tb-test-due}, {@code service-due}) are judged as of {@code today}: a change that only the
 * calendar makes (a test growing older than 365 days) has no event to announce it; the index still answers it
 * for any date (see {@link ClassifierIndex}).
 */
final class ClassificationChanges {

    private ClassificationChanges() {
    }

    /** Classifier name (with its argument) → included now, for each membership that changed. */
    static Map<String, Boolean> of(Object before, Object after, LocalDate today) {
        Map<String, Boolean> changes = new LinkedHashMap<>();
        if (before instanceof CowSummary b && after instanceof CowSummary a) {
            put(changes, CowClassifier.onFarm(), b, a);
            Set<Location> places = new java.util.LinkedHashSet<>();
            if (b.location() != null) {
                places.add(b.location());
            }
            if (a.location() != null) {
                places.add(a.location());
            }
            for (Location place : places) {
                put(changes, CowClassifier.atLocation(place), b, a);
            }
            put(changes, CowClassifier.tbTestDue(today), b, a);
            pledges(changes, b.pledgedTo(), a.pledgedTo());
        } else if (before instanceof TractorSummary b && after instanceof TractorSummary a) {
            Classification due = ServiceDue.classify(b, a, today);
            if (due.changed()) {
                changes.put(ServiceDue.NAME, due.included());
            }
            pledges(changes, b.pledgedTo(), a.pledgedTo());
        } else if (before instanceof FieldSummary b && after instanceof FieldSummary a) {
            pledges(changes, b.pledgedTo(), a.pledgedTo());
        }
        return changes;
    }

    private static void put(Map<String, Boolean> changes, CowClassifier classifier, CowSummary b, CowSummary a) {
        Classification c = classifier.classify(b, a);
        if (c.changed()) {
            changes.put(classifier.name(), c.included());
        }
    }

    private static void pledges(Map<String, Boolean> changes, Set<String> before, Set<String> after) {
        Set<String> loans = new TreeSet<>(before);
        loans.addAll(after);
        for (String loan : loans) {
            Classification c = Pledged.classify(before, after, loan);
            if (c.changed()) {
                changes.put(Pledged.NAME + "(" + loan + ")", c.included());
            }
        }
    }
}
