package io.farmhub.projection;

import static io.farmhub.projection.FacetQuery.eq;
import static io.farmhub.projection.FacetQuery.gt;
import static io.farmhub.projection.FacetQuery.lt;

import io.farmhub.core.StreamId;
import io.farmhub.farm.Location;
import io.farmhub.farm.cow.CowClassifier;
import io.farmhub.farm.loan.Pledged;
import io.farmhub.farm.tractor.ServiceDue;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The classifier sets of domain.md as lookups on the facets the cached states carry ({@link Facets}): each set
 * is one or two indexed queries, never a fold or a scan of every instance. The answer is as current as the
 * projection cache (the membership and the state are written together).
 */
public final class ClassifierIndex implements MembershipIndex {

    public static final String ON_FARM = "on-farm";
    public static final String AT_LOCATION = "at-location";
    public static final String TB_TEST_DUE = "tb-test-due";

    private final SnapshotStore store;
    private final Clock clock;

    public ClassifierIndex(SnapshotStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public List<StreamId> members(String classifier, String setKey) {
        String name = classifier == null ? "" : classifier.trim();
        String key = setKey == null ? "" : setKey.trim();
        // "at-location(barn:main-barn)", as notifications name a set, is accepted too.
        int open = name.indexOf('(');
        if (open > 0 && name.endsWith(")") && key.isEmpty()) {
            key = name.substring(open + 1, name.length() - 1).trim();
            name = name.substring(0, open);
        }
        Set<StreamId> members = new TreeSet<>(Comparator.comparing(StreamId::toString));
        switch (name) {
            case ON_FARM -> add(members, new FacetQuery(FarmProjections.COW_SUMMARY, List.of(eq(Facets.ON_FARM, Facets.YES))));
            case AT_LOCATION -> {
                String place = key;
                Location location = Location.parse(place).orElseThrow(() -> new IllegalArgumentException(
                        "at-location needs a location such as barn:main-barn or field:north-meadow, not '" + place + "'"));
                add(members, new FacetQuery(FarmProjections.COW_SUMMARY,
                        List.of(eq(Facets.LOCATION, location.toString()))));
            }
            case TB_TEST_DUE -> {
                // Due: on the farm and the last CLEAR test older than 365 days, never, or after asOf.
                LocalDate asOf = date(name, key);
                String oldest = asOf.minusDays(CowClassifier.TB_TEST_VALID_DAYS).toString();
                add(members, new FacetQuery(FarmProjections.COW_SUMMARY,
                        List.of(eq(Facets.ON_FARM, Facets.YES), lt(Facets.TB_CLEAR, oldest))));
                add(members, new FacetQuery(FarmProjections.COW_SUMMARY,
                        List.of(eq(Facets.ON_FARM, Facets.YES), gt(Facets.TB_CLEAR, asOf.toString()))));
            }
            case ServiceDue.NAME -> {
                // Due: 250 h since the last service or never serviced, or that service more than 365 days before asOf.
                LocalDate asOf = date(name, key);
                add(members, new FacetQuery(FarmProjections.TRACTOR_SUMMARY,
                        List.of(eq(Facets.REGISTERED, Facets.YES), eq(Facets.SERVICE_HOURS_DUE, Facets.YES))));
                add(members, new FacetQuery(FarmProjections.TRACTOR_SUMMARY, List.of(eq(Facets.REGISTERED, Facets.YES),
                        lt(Facets.LAST_SERVICE, asOf.minusDays(365).toString()))));
            }
            case Pledged.NAME -> {
                if (key.isEmpty()) {
                    throw new IllegalArgumentException("pledged needs a loan id");
                }
                for (String projection : List.of(FarmProjections.COW_SUMMARY, FarmProjections.FIELD_SUMMARY,
                        FarmProjections.TRACTOR_SUMMARY)) {
                    add(members, new FacetQuery(projection, List.of(eq(Facets.pledged(key), Facets.YES))));
                }
            }
            default -> throw new UnknownProjectionException("classifier", name);
        }
        return List.copyOf(members);
    }

    private void add(Set<StreamId> members, FacetQuery query) {
        String aggregate = FarmProjections.named(query.projection()).aggregate();
        int generation = store.currentGeneration(query.projection());
        for (String key : store.find(generation, query)) {
            members.add(StreamId.farm(aggregate, key));
        }
    }

    private LocalDate date(String classifier, String key) {
        if (key.isEmpty()) {
            return LocalDate.now(clock.withZone(ZoneOffset.UTC));
        }
        try {
            return LocalDate.parse(key);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(classifier + " needs a date such as 2026-11-26, not '" + key + "'");
        }
    }
}
