package io.farmhub.farm.cow;

import io.farmhub.farm.Classification;
import io.farmhub.farm.Location;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The cow classifiers of domain.md over {@link CowSummary}: is this animal in the set, and did that change
 * between two states of her summary.
 *
 * @param name the classifier and its argument as notifications name it, e.g. {@code at-location(barn:main)}
 */
public record CowClassifier(String name, Predicate<CowSummary> test) {

    /** A TB test counts for this many days: one exactly this old still counts, one a day older does not. */
    public static final int TB_TEST_VALID_DAYS = 365;

    public CowClassifier {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(test, "test");
    }

    /** Born or purchased: in; sold or died: out. */
    public static CowClassifier onFarm() {
        return new CowClassifier("on-farm", CowClassifier::isOnFarm);
    }

    public static CowClassifier atLocation(Location location) {
        return new CowClassifier("at-location(" + location + ")",
                s -> isOnFarm(s) && location.equals(s.location()));
    }

    /**
     * On the farm and no CLEAR test in the 365 days up to {@code asOf}: a CLEAR test on {@code asOf - 365}
     * still counts (due from the next day), matching the tractor rule that a service is due only when it is
     * more than 365 days old. The summary must reflect the herd as of {@code asOf}: a CLEAR test after
     * {@code asOf} does not count.
     */
    public static CowClassifier tbTestDue(LocalDate asOf) {
        return new CowClassifier("tb-test-due(" + asOf + ")", s -> {
            LocalDate clear = s.lastClearTbTestOn();
            boolean covered = clear != null && !clear.isAfter(asOf)
                    && !clear.isBefore(asOf.minusDays(TB_TEST_VALID_DAYS));
            return isOnFarm(s) && !covered;
        });
    }

    /** Pledged to this loan, whether or not she is still on the farm (a dead animal stays pledged until released). */
    public static CowClassifier pledged(String loanId) {
        return new CowClassifier("pledged(" + loanId + ")", s -> s.pledgedTo().contains(loanId));
    }

    public boolean includes(CowSummary summary) {
        return summary != null && test.test(summary);
    }

    /** @param before the summary before the change (null or empty for a new animal) */
    public Classification classify(CowSummary before, CowSummary after) {
        boolean included = includes(after);
        return new Classification(included, included != includes(before));
    }

    private static boolean isOnFarm(CowSummary s) {
        return s.status() == CowSummary.Status.ON_FARM;
    }
}
