package io.farmhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.sqlite.SqliteEventStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The embedded default from a fresh start: the data folder appears, the store lives in it, health says UP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedStartupTest {

    /** A folder that does not exist yet: starting the hub must create it. */
    private static final Path DATA_DIR = freshDataDir();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("farmhub.data-dir", DATA_DIR::toString);
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore store;

    @Test
    void the_data_folder_is_created_and_holds_the_event_store() {
        assertThat(DATA_DIR).isDirectory();
        assertThat(store).isInstanceOf(SqliteEventStore.class);
        assertThat(((SqliteEventStore) store).file()).isEqualTo(DATA_DIR.resolve("farmhub.db").toAbsolutePath());
        assertThat(DATA_DIR.resolve("farmhub.db")).isRegularFile();
    }

    @Test
    void health_is_up_and_lists_the_event_store_without_details() {
        ResponseEntity<JsonNode> health = http.getForEntity("/actuator/health", JsonNode.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody().path("status").asText()).isEqualTo("UP");
        JsonNode eventStore = health.getBody().path("components").path("eventStore");
        assertThat(eventStore.path("status").asText()).isEqualTo("UP");
        assertThat(eventStore.has("details")).isFalse();
        for (String component : new String[] {"inbox", "notifier", "sensors"}) {
            assertThat(health.getBody().path("components").path(component).path("status").asText())
                    .as(component).isEqualTo("UP");
        }
    }

    private static Path freshDataDir() {
        try {
            // under target/, so the build's clean removes it with everything else the tests leave
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "startup-").resolve("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
