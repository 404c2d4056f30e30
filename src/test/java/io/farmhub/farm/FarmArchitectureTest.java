package io.farmhub.farm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of the farm domain (issue 3): plain Java that runs wherever a decider is called, aggregates
 * that see each other only through their public commands, events and states, and queries that read the
 * aggregates only through what they publish for reading (projections, classifiers, events, states).
 */
class FarmArchitectureTest {

    static final String FARM = "io.farmhub.farm";
    static final String QUERY = FARM + ".query";
    static final List<String> AGGREGATES = List.of("cow", "field", "barn", "tractor", "loan");

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(FARM);

    /**
     * What each aggregate package shows the others: its commands, events and states (nested records included,
     * with the value types they are made of). A loan is no aggregate; what it leaves on an asset is the pledged
     * state, folded from its events by {@code Pledges}.
     */
    static final Map<String, Set<String>> PUBLISHED = Map.of(
            "cow", Set.of("Cow", "CowCommand", "CowEvent", "Sex", "TbResult"),
            "field", Set.of("Field", "FieldCommand", "FieldEvent"),
            "barn", Set.of("Barn", "BarnCommand", "BarnEvent"),
            "tractor", Set.of("Tractor", "TractorCommand", "TractorEvent"),
            "loan", Set.of("LoanCommand", "LoanEvent", "Pledges"));

    /** What each aggregate package publishes for the read side besides that: its projections and classifiers. */
    static final Map<String, Set<String>> READ_MODELS = Map.of(
            "cow", Set.of("CowSummary", "CowLocations", "CowClassifier"),
            "field", Set.of("FieldSummary"),
            "barn", Set.of("BarnSummary"),
            "tractor", Set.of("TractorSummary", "ServiceDue"),
            "loan", Set.of("Pledged"));

    static String aggregateOf(JavaClass c) {
        String pkg = c.getPackageName();
        return pkg.startsWith(FARM + ".") ? pkg.substring(FARM.length() + 1) : "";
    }

    /** The top-level type's simple name: {@code CowEvent} for {@code CowEvent$AnimalBorn}. */
    static String topLevelName(JavaClass c) {
        String name = c.getName().substring(c.getPackageName().length() + 1);
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    /** A class of another aggregate package than {@code own} that is not among {@code visible}. */
    static DescribedPredicate<JavaClass> hiddenInOtherAggregates(String own, List<Map<String, Set<String>>> visible) {
        return DescribedPredicate.describe("belong to another aggregate, which does not publish them", c -> {
            String aggregate = aggregateOf(c);
            return AGGREGATES.contains(aggregate) && !aggregate.equals(own)
                    && visible.stream().noneMatch(v -> v.get(aggregate).contains(topLevelName(c)));
        });
    }

    @Test
    void the_domain_imports_nothing_from_camel_spring_azure_or_the_event_store() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.springframework..",
                "com.azure..", "io.farmhub.eventstore..").check(CLASSES);
    }

    @Test
    void the_domain_uses_only_java_jackson_the_core_and_itself() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson..",
                "io.farmhub.core..", FARM + "..").check(CLASSES);
    }

    @Test
    void each_aggregate_sees_the_others_only_through_their_commands_events_and_states() {
        for (String aggregate : AGGREGATES) {
            noClasses().that().resideInAPackage(FARM + "." + aggregate).should()
                    .dependOnClassesThat(hiddenInOtherAggregates(aggregate, List.of(PUBLISHED))).check(CLASSES);
        }
    }

    @Test
    void cow_field_barn_and_tractor_do_not_know_each_other_at_all() {
        // What a cow needs of fields and barns, or a loan of cattle, the catalog (Farm) wires in as functions.
        List<String> assets = List.of("cow", "field", "barn", "tractor");
        for (String aggregate : assets) {
            String[] others = assets.stream().filter(a -> !a.equals(aggregate)).map(a -> FARM + "." + a)
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(FARM + "." + aggregate).should().dependOnClassesThat()
                    .resideInAnyPackage(others).check(CLASSES);
        }
    }

    @Test
    void queries_read_the_aggregates_through_their_projections_classifiers_events_and_states() {
        noClasses().that().resideInAPackage(QUERY).should()
                .dependOnClassesThat(hiddenInOtherAggregates(null, List.of(PUBLISHED, READ_MODELS))
                        .or(DescribedPredicate.describe("are commands or command handlers", (JavaClass c) ->
                                AGGREGATES.contains(aggregateOf(c)) && topLevelName(c).matches(".*Command.*")))
                        .or(DescribedPredicate.describe("are the command catalog", (JavaClass c) ->
                                c.getName().equals(FARM + ".Farm"))))
                .check(CLASSES);
    }

    @Test
    void no_aggregate_depends_on_the_queries_or_on_the_catalog_that_wires_them() {
        for (String aggregate : AGGREGATES) {
            noClasses().that().resideInAPackage(FARM + "." + aggregate).should().dependOnClassesThat(
                    DescribedPredicate.describe("are queries or the command catalog", (JavaClass c) ->
                            c.getPackageName().equals(QUERY) || c.getName().equals(FARM + ".Farm")))
                    .check(CLASSES);
        }
    }
}
