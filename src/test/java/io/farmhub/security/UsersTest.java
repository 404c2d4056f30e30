package io.farmhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.farmhub.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class UsersTest {

    @TempDir
    Path dataDir;

    static SecurityProperties noUsers() {
        return new SecurityProperties(null, null, null, null, null, null);
    }

    @Test
    void configured_users_authenticate_by_key_and_nothing_else_does() {
        SecurityProperties properties = new SecurityProperties(Map.of(
                "mary", new SecurityProperties.UserConfig(ApiKey.sha256Hex("mary-key"), List.of("farm-manager")),
                "gate-7", new SecurityProperties.UserConfig(ApiKey.sha256Hex("gate-key").toUpperCase(),
                        List.of("sensor-gateway"))), null, null, null, null, null);
        Users users = new Users(properties, new DataDirectory(dataDir.toString()));
        assertThat(users.authenticate("mary-key")).map(User::name).contains("mary");
        assertThat(users.authenticate("gate-key")).map(User::roles).contains(java.util.Set.of("sensor-gateway"));
        assertThat(users.authenticate("mary-key ")).isEmpty();
        assertThat(users.authenticate("")).isEmpty();
        assertThat(users.authenticate(null)).isEmpty();
        assertThat(dataDir.resolve("admin-api-key")).doesNotExist();
    }

    @Test
    void a_hash_that_is_not_sha256_hex_stops_the_start_naming_the_user() {
        SecurityProperties properties = new SecurityProperties(Map.of(
                "mary", new SecurityProperties.UserConfig("plain-text-key", List.of("farm-manager"))),
                null, null, null, null, null);
        assertThatThrownBy(() -> new Users(properties, new DataDirectory(dataDir.toString())))
                .hasMessageContaining("farmhub.security.users.mary.api-key-sha256")
                .hasMessageNotContaining("plain-text-key");
    }

    @Test
    void with_no_user_the_first_start_writes_an_owner_only_admin_key_and_logs_only_its_path(CapturedOutput output)
            throws Exception {
        Users users = new Users(noUsers(), new DataDirectory(dataDir.toString()));
        Path keyFile = dataDir.resolve("admin-api-key");
        String key = Files.readString(keyFile).trim();
        assertThat(key).hasSizeGreaterThanOrEqualTo(40);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(users.authenticate(key)).map(User::name).contains(Users.ADMIN);
        assertThat(users.byName(Users.ADMIN)).map(User::roles).contains(java.util.Set.of("farm-manager"));
        assertThat(output.getAll()).contains(keyFile.toString()).doesNotContain(key);
    }

    @Test
    void the_next_start_reuses_the_key_even_after_the_key_file_is_deleted(CapturedOutput output) throws Exception {
        new Users(noUsers(), new DataDirectory(dataDir.toString()));
        String key = Files.readString(dataDir.resolve("admin-api-key")).trim();
        Files.delete(dataDir.resolve("admin-api-key"));
        Users restarted = new Users(noUsers(), new DataDirectory(dataDir.toString()));
        assertThat(restarted.authenticate(key)).map(User::name).contains(Users.ADMIN);
        assertThat(dataDir.resolve("admin-api-key")).doesNotExist();
        assertThat(output.getAll()).doesNotContain(key);
    }

    @Test
    void a_start_that_died_before_writing_the_hash_derives_it_from_the_key_file() throws Exception {
        new Users(noUsers(), new DataDirectory(dataDir.toString()));
        String key = Files.readString(dataDir.resolve("admin-api-key")).trim();
        Files.delete(dataDir.resolve("admin-api-key.sha256"));
        Users restarted = new Users(noUsers(), new DataDirectory(dataDir.toString()));
        assertThat(restarted.authenticate(key)).isPresent();
        assertThat(dataDir.resolve("admin-api-key.sha256")).exists();
    }
}
