package io.farmhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.commands.CommandGateway;
import io.farmhub.commands.CommandState;
import io.farmhub.security.ApiKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded hub, as shipped, fed through a real inbox folder: the project's example documents
 * ({@code examples/inbox/mary}) are dropped at once, every command completes, and each document ends up in the
 * archive with its result, the inbox empty.
 */
@SpringBootTest
class InboxExamplesEndToEndTest {

    private static final Path DATA = Path.of("target/test-data/inbox-examples-" + System.nanoTime());
    private static final Path EXAMPLES = Path.of("examples/inbox/mary");

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        registry.add("farmhub.data-dir", DATA::toString);
        registry.add("farmhub.security.users.mary.api-key-sha256", () -> ApiKey.sha256Hex("mary-key"));
        registry.add("farmhub.security.users.mary.roles", () -> "farm-manager");
        registry.add("farmhub.inbox.settle", () -> "50");
        registry.add("farmhub.inbox.poll-delay", () -> "100");
    }

    @Autowired
    CommandGateway gateway;

    private final InboxFolder folder = new InboxFolder(DATA);

    @Test
    void every_example_document_is_archived_with_its_result_and_every_command_completes() throws IOException {
        List<Path> examples = examples();
        assertThat(examples).hasSize(7);
        for (Path example : examples) {
            folder.drop("mary/" + example.getFileName(), Files.readAllBytes(example));
        }

        Awaitility.await("the inbox emptied").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> folder.waiting().isEmpty()
                        && examples.stream().allMatch(e -> folder.archived("mary", e.getFileName() + ".result.json")
                                .isPresent()));

        for (Path example : examples) {
            String name = example.getFileName().toString();
            Path archived = folder.archived("mary", name).orElseThrow();
            assertThat(archived).hasSameBinaryContentAs(example);
            JsonNode result = InboxFolder.json(archived.resolveSibling(name + ".result.json"));
            assertThat(result.path("document").asText()).isEqualTo("mary/" + name);
            assertThat(result.path("submittedBy").asText()).isEqualTo("mary");
            assertThat(result.path("sha256").asText()).isEqualTo(InboxCorpusTest.sha256(Files.readAllBytes(example)));
            assertThat(result.path("commands")).isNotEmpty();
            for (JsonNode command : result.path("commands")) {
                assertThat(command.path("state").asText()).as("%s in %s", command, name).isEqualTo("COMPLETED");
                assertThat(command.path("errors")).isEmpty();
                assertThat(gateway.status(command.path("commandId").asText()))
                        .hasValueSatisfying(status -> assertThat(status.state()).isEqualTo(CommandState.COMPLETED));
            }
        }
        assertThat(InboxFolder.files(folder.errors().resolve("documents"))).isEmpty();
    }

    private static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.sorted().toList();
        }
    }
}
