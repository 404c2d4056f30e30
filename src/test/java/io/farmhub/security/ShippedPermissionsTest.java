package io.farmhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The permission table that ships in application.yaml is interfaces.md's role table, role by role. */
class ShippedPermissionsTest {

    static final Set<String> ALL_COMMANDS = Set.of("RegisterBirth", "RecordPurchase", "RecordSale", "RecordDeath",
            "RelocateAnimal", "RecordAIVisit", "RecordTBInspection", "RecordMilking", "RegisterField", "SowCrop",
            "HarvestCrop", "RegisterBarn", "RecordBarnTemperature", "RegisterTractor", "RecordTractorService",
            "RecordEngineHours", "CollateraliseLoan", "ReleaseCollateral");

    static Permissions permissions;

    @BeforeAll
    static void loadShippedDefaults() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
                .forEach(environment.getPropertySources()::addLast);
        Binder binder = new Binder(ConfigurationPropertySources.get(environment));
        SecurityProperties properties = binder.bind("farmhub.security", SecurityProperties.class).get();
        permissions = new Permissions(properties);
    }

    static Set<String> issuableBy(String role) {
        User user = new User("someone", Set.of(role));
        Set<String> allowed = new TreeSet<>();
        ALL_COMMANDS.stream().filter(type -> permissions.mayIssue(user, type)).forEach(allowed::add);
        return allowed;
    }

    static boolean reads(String role, String scope) {
        return permissions.mayRead(new User("someone", Set.of(role)), scope);
    }

    @Test
    void a_farm_manager_issues_every_command_and_reads_everything() {
        assertThat(issuableBy("farm-manager")).isEqualTo(new TreeSet<>(ALL_COMMANDS));
        for (String scope : List.of("cow", "field", "barn", "tractor", "commands", "errors", "queries")) {
            assertThat(reads("farm-manager", scope)).as(scope).isTrue();
        }
    }

    @Test
    void a_herdsperson_issues_cow_commands_except_purchase_sale_and_collateral_and_reads_everything() {
        assertThat(issuableBy("herdsperson")).containsExactlyInAnyOrder("RegisterBirth", "RecordDeath",
                "RelocateAnimal", "RecordAIVisit", "RecordTBInspection", "RecordMilking");
        assertThat(reads("herdsperson", "tractor")).isTrue();
        assertThat(reads("herdsperson", "errors")).isTrue();
    }

    @Test
    void a_vet_records_tb_inspections_and_ai_visits_and_reads_cows_only() {
        assertThat(issuableBy("vet")).containsExactlyInAnyOrder("RecordTBInspection", "RecordAIVisit");
        assertThat(reads("vet", "cow")).isTrue();
        assertThat(reads("vet", "field")).isFalse();
        assertThat(reads("vet", "commands")).isFalse();
    }

    @Test
    void a_contractor_services_tractors_and_records_their_hours() {
        assertThat(issuableBy("contractor")).containsExactlyInAnyOrder("RecordTractorService", "RecordEngineHours");
        assertThat(reads("contractor", "tractor")).isFalse();
    }

    @Test
    void a_sensor_gateway_issues_only_the_sensor_commands() {
        assertThat(issuableBy("sensor-gateway")).containsExactlyInAnyOrder("RecordMilking",
                "RecordBarnTemperature", "RecordEngineHours");
        assertThat(reads("sensor-gateway", "cow")).isFalse();
    }

    @Test
    void an_auditor_and_the_scheduler_issue_nothing_and_read_everything() {
        assertThat(issuableBy("auditor")).isEmpty();
        assertThat(issuableBy("scheduler")).isEmpty();
        assertThat(reads("auditor", "errors")).isTrue();
        assertThat(reads("auditor", "cow")).isTrue();
    }

    @Test
    void a_command_type_missing_from_the_table_is_allowed_to_no_one() {
        assertThat(permissions.mayIssue(new User("mary", Set.of("farm-manager")), "LaunchRocket")).isFalse();
    }
}
