package io.farmhub.projection;

import io.farmhub.core.DomainEvent;
import io.farmhub.farm.barn.BarnSummary;
import io.farmhub.farm.cow.CowLocations;
import io.farmhub.farm.cow.CowSummary;
import io.farmhub.farm.field.FieldSummary;
import io.farmhub.farm.tractor.TractorSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every per-instance projection of domain.md, by its name; each folds its own instance's stream only
 * ({@code barn-summary}'s occupancy too: the barn's AnimalHoused / AnimalLeftBarn). ({@code command-status}
 * belongs to the command pipeline, which folds it from the command's own stream.)
 */
public final class FarmProjections {

    public static final String COW_SUMMARY = "cow-summary";
    public static final String COW_LOCATIONS = "cow-locations";
    public static final String FIELD_SUMMARY = FieldSummary.NAME;
    public static final String BARN_SUMMARY = BarnSummary.NAME;
    public static final String TRACTOR_SUMMARY = TractorSummary.NAME;

    public static final ProjectionDefinition<CowSummary> COWS = new ProjectionDefinition<>(COW_SUMMARY, "cow",
            CowSummary.class, CowSummary::empty, CowSummary::apply, CowSummary::version, Facets::cow);

    public static final ProjectionDefinition<CowLocations> LOCATIONS = new ProjectionDefinition<>(COW_LOCATIONS,
            "cow", CowLocations.class, CowLocations::empty, CowLocations::apply, CowLocations::version, Facets::none);

    public static final ProjectionDefinition<FieldSummary> FIELDS = new ProjectionDefinition<>(FIELD_SUMMARY,
            "field", FieldSummary.class, FieldSummary::empty,
            (s, e, event) -> FieldSummary.apply(s, e, (DomainEvent) event), FieldSummary::version,
            s -> Facets.pledgesOnly(s.pledgedTo()));

    public static final ProjectionDefinition<BarnSummary> BARNS = new ProjectionDefinition<>(BARN_SUMMARY, "barn",
            BarnSummary.class, BarnSummary::empty, (s, e, event) -> BarnSummary.apply(s, e, (DomainEvent) event),
            BarnSummary::version, Facets::none);

    public static final ProjectionDefinition<TractorSummary> TRACTORS = new ProjectionDefinition<>(TRACTOR_SUMMARY,
            "tractor", TractorSummary.class, TractorSummary::empty,
            (s, e, event) -> TractorSummary.apply(s, e, (DomainEvent) event), TractorSummary::version,
            Facets::tractor);

    private static final Map<String, ProjectionDefinition<?>> BY_NAME = new LinkedHashMap<>();

    static {
        for (ProjectionDefinition<?> p : List.of(COWS, LOCATIONS, FIELDS, BARNS, TRACTORS)) {
            BY_NAME.put(p.name(), p);
        }
    }

    private FarmProjections() {
    }

    public static List<ProjectionDefinition<?>> all() {
        return List.copyOf(BY_NAME.values());
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    public static ProjectionDefinition<?> named(String name) {
        ProjectionDefinition<?> p = BY_NAME.get(name);
        if (p == null) {
            throw new UnknownProjectionException("projection", name);
        }
        return p;
    }
}
