package io.farmhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.DataDirectory;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** Roles and quotas, with the quota ledger in a real SQLite file. */
class ConfiguredAuthorizerTest {

    static final String MARY_HASH = ApiKey.sha256Hex("mary-key");
    static final String JOE_HASH = ApiKey.sha256Hex("joe-key");

    @TempDir
    Path dataDir;

    QuotaLedger ledger;

    @AfterEach
    void closeLedger() throws SQLException {
        if (ledger != null) {
            ledger.close();
        }
    }

    ConfiguredAuthorizer authorizerAt(String instant, Map<String, Map<String, Integer>> quotas) throws SQLException {
        closeLedger();
        SecurityProperties properties = new SecurityProperties(
                Map.of("mary", new SecurityProperties.UserConfig(MARY_HASH, List.of("farm-manager")),
                        "joe", new SecurityProperties.UserConfig(JOE_HASH, List.of("contractor"))),
                Map.of("RecordTractorService", List.of("farm-manager", "contractor"),
                        "RecordSale", List.of("farm-manager")),
                Map.of(), quotas, List.of(), null);
        DataDirectory data = new DataDirectory(dataDir.toString());
        ledger = new QuotaLedger(data);
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("clock", Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
        return new ConfiguredAuthorizer(new Users(properties, data), new Permissions(properties), ledger,
                beans.getBeanProvider(Clock.class));
    }

    @Test
    void a_token_user_is_judged_by_the_roles_its_token_granted_though_no_configuration_names_it() throws SQLException {
        ConfiguredAuthorizer authorizer = authorizerAt("2026-11-20T10:00:00Z",
                Map.of("contractor", Map.of("RecordTractorService", 1)));
        User token = new User("0b7c-oid", java.util.Set.of("contractor"), "pat@farm.example", true);
        assertThat(authorizer.authorise("0b7c-oid", "RecordTractorService", "c1")).map(Rejection::code)
                .contains(ErrorCode.FORBIDDEN);
        assertThat(authorizer.authorise(token, "RecordTractorService", "c1")).isEmpty();
        assertThat(authorizer.authorise(token, "RecordTractorService", "c2")).map(Rejection::code)
                .contains(ErrorCode.QUOTA_EXCEEDED);
        Optional<Rejection> denied = authorizer.authorise(token, "RecordSale", "c3");
        assertThat(denied.orElseThrow().message()).contains("0b7c-oid (pat@farm.example)").contains("contractor");
    }

    @Test
    void a_role_without_the_command_type_is_forbidden() throws SQLException {
        Optional<Rejection> denied = authorizerAt("2026-11-20T10:00:00Z", Map.of())
                .authorise("joe", "RecordSale", "c1");
        assertThat(denied).map(Rejection::code).contains(ErrorCode.FORBIDDEN);
        assertThat(denied.get().message()).contains("joe").contains("contractor").contains("RecordSale");
    }

    @Test
    void an_unknown_user_is_forbidden() throws SQLException {
        assertThat(authorizerAt("2026-11-20T10:00:00Z", Map.of()).authorise("eve", "RecordSale", "c1"))
                .map(Rejection::code).contains(ErrorCode.FORBIDDEN);
    }

    @Test
    void the_quota_counts_each_command_id_once_and_refuses_the_one_past_it() throws SQLException {
        ConfiguredAuthorizer authorizer = authorizerAt("2026-11-20T10:00:00Z",
                Map.of("joe", Map.of("RecordTractorService", 2)));
        assertThat(authorizer.authorise("joe", "RecordTractorService", "s1")).isEmpty();
        assertThat(authorizer.authorise("joe", "RecordTractorService", "s1")).isEmpty(); // re-driven: free
        assertThat(authorizer.authorise("joe", "RecordTractorService", "s2")).isEmpty();
        assertThat(authorizer.authorise("joe", "RecordTractorService", "s3"))
                .map(Rejection::code).contains(ErrorCode.QUOTA_EXCEEDED);
        assertThat(authorizer.authorise("joe", "RecordTractorService", "s2")).isEmpty();
        assertThat(authorizer.authorise("mary", "RecordTractorService", "m1")).isEmpty(); // no quota for mary
    }

    @Test
    void a_quota_keyed_by_role_applies_to_each_user_with_that_role() throws SQLException {
        ConfiguredAuthorizer authorizer = authorizerAt("2026-11-20T10:00:00Z",
                Map.of("contractor", Map.of("RecordTractorService", 1)));
        assertThat(authorizer.authorise("joe", "RecordTractorService", "s1")).isEmpty();
        assertThat(authorizer.authorise("joe", "RecordTractorService", "s2"))
                .map(Rejection::code).contains(ErrorCode.QUOTA_EXCEEDED);
    }

    @Test
    void counts_survive_a_restart_and_reset_on_the_next_utc_day() throws SQLException {
        Map<String, Map<String, Integer>> quotas = Map.of("joe", Map.of("RecordTractorService", 1));
        assertThat(authorizerAt("2026-11-20T23:59:00Z", quotas).authorise("joe", "RecordTractorService", "s1"))
                .isEmpty();
        ConfiguredAuthorizer restarted = authorizerAt("2026-11-20T23:59:30Z", quotas);
        assertThat(restarted.authorise("joe", "RecordTractorService", "s2"))
                .map(Rejection::code).contains(ErrorCode.QUOTA_EXCEEDED);
        assertThat(restarted.authorise("joe", "RecordTractorService", "s1")).isEmpty();
        ConfiguredAuthorizer nextDay = authorizerAt("2026-11-21T00:00:01Z", quotas);
        assertThat(nextDay.authorise("joe", "RecordTractorService", "s2")).isEmpty();
        assertThat(nextDay.authorise("joe", "RecordTractorService", "s1")).isEmpty(); // counted yesterday, still free
        assertThat(ledger.used("joe", "RecordTractorService", java.time.LocalDate.parse("2026-11-21"))).isEqualTo(1);
    }
}
