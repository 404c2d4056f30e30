package io.farmhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A hub started with no user at all: it makes one farm-manager key, in a file only its owner reads. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminKeyBootstrapApiTest {

    static final Path DATA_DIR = tempDir();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        registry.add("farmhub.data-dir", DATA_DIR::toString);
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("farmhub-admin-key-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void the_first_start_writes_the_admin_key_with_mode_0600_and_logs_only_its_path(CapturedOutput output)
            throws IOException {
        Path keyFile = DATA_DIR.resolve("admin-api-key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        String key = Files.readString(keyFile).trim();
        HubClient hub = new HubClient(port);

        HttpResponse<String> withKey = hub.get("/api/errors", key);
        assertThat(withKey.statusCode()).as(withKey.body()).isEqualTo(200);
        assertThat(hub.get("/api/errors", null).statusCode()).isEqualTo(401);
        assertThat(hub.post("/api/commands", key, HubClient.command("RegisterField", "admin-field",
                "{\"fieldCode\":\"admin-field\",\"name\":\"Admin\",\"areaHectares\":\"1\"}")).statusCode())
                .isEqualTo(202);

        // OutputCaptureExtension sees the start-up log of this context as long as the context started in this
        // test class; the log line names the file, never the key.
        assertThat(output.getAll()).contains(keyFile.toString()).doesNotContain(key);
        assertThat(Files.readString(DATA_DIR.resolve("admin-api-key.sha256"))).doesNotContain(key);
    }
}
