package io.farmhub.projection;

import io.farmhub.core.StreamId;
import java.util.List;

/**
 * The classifiers' membership index (domain.md "Classifiers"): which instances are in one set, answered from
 * an index, never by folding or scanning every instance.
 *
 * <p>Classifier names and set keys:
 * <ul>
 * <li>{@code on-farm}, set key {@code ""};</li>
 * <li>{@code at-location}, set key the location, e.g. {@code barn:main-barn} or {@code field:north-meadow};</li>
 * <li>{@code tb-test-due}, set key the {@code asOf} date ({@code 2026-11-26}); {@code ""} means today (UTC);</li>
 * <li>{@code service-due}, set key the {@code asOf} date as for {@code tb-test-due};</li>
 * <li>{@code pledged}, set key the loan id; its members are cows, fields and tractors.</li>
 * </ul>
 * The time-dependent sets ({@code tb-test-due}, {@code service-due}) are evaluated against the cached
 * (current) states for the asked date: the right answer for today and later, not for a past {@code asOf}
 * (a past world needs its streams folded up to that date).
 */
public interface MembershipIndex {

    /**
     * The instances in the set, as their streams (e.g. {@code farm/cow/IE12345670012}), sorted by stream name.
     *
     * @throws UnknownProjectionException for an unknown classifier
     * @throws IllegalArgumentException   for a set key the classifier cannot read (e.g. a malformed date)
     */
    List<StreamId> members(String classifier, String setKey);
}
