package io.farmhub.farm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of the field, barn, tractor and loan packages (issue 3): pure domain code, and aggregates
 * that see each other only through their public commands, events and states.
 */
class FieldBarnTractorLoanBoundariesTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.farmhub.farm.field", "io.farmhub.farm.barn", "io.farmhub.farm.tractor",
                    "io.farmhub.farm.loan");

    /** Another aggregate's command, event or state type (nested records included), e.g. Field$Registered. */
    static DescribedPredicate<JavaClass> internalsOf(String pkg, String aggregate) {
        return DescribedPredicate.describe("internals of " + pkg, c -> c.getPackageName().equals(pkg)
                && !c.getName().matches(java.util.regex.Pattern.quote(pkg) + "\\." + aggregate
                        + "(Command|Event)?(\\$.*)?"));
    }

    @Test
    void the_domain_imports_no_camel_spring_azure_or_event_store() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.springframework..",
                "com.azure..", "io.farmhub.eventstore..").check(CLASSES);
    }

    @Test
    void field_barn_and_tractor_do_not_know_each_other() {
        noClasses().that().resideInAPackage("io.farmhub.farm.field").should().dependOnClassesThat()
                .resideInAnyPackage("io.farmhub.farm.barn", "io.farmhub.farm.tractor").check(CLASSES);
        noClasses().that().resideInAPackage("io.farmhub.farm.barn").should().dependOnClassesThat()
                .resideInAnyPackage("io.farmhub.farm.field", "io.farmhub.farm.tractor", "io.farmhub.farm.loan")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.farmhub.farm.tractor").should().dependOnClassesThat()
                .resideInAnyPackage("io.farmhub.farm.field", "io.farmhub.farm.barn").check(CLASSES);
    }

    @Test
    void loans_see_fields_and_tractors_only_through_their_commands_events_and_states() {
        noClasses().that().resideInAPackage("io.farmhub.farm.loan").should().dependOnClassesThat(
                internalsOf("io.farmhub.farm.field", "Field").or(internalsOf("io.farmhub.farm.tractor", "Tractor"))
                        .or(DescribedPredicate.describe("barn or cow", (JavaClass c) ->
                                c.getPackageName().equals("io.farmhub.farm.barn")
                                        || c.getPackageName().equals("io.farmhub.farm.cow"))))
                .check(CLASSES);
    }
}
