package io.farmhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.commands.CommandGateway;
import io.farmhub.commands.CommandStatus;
import io.farmhub.security.ApiKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.SplitDefinition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A 10,000-row movement form through the embedded inbox: its commands are submitted as they are read and can be
 * followed while the document is still being processed, the log shows its progress, and the form is never held in
 * memory (the route's split streams from the document).
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class InboxLargeDocumentTest {

    private static final Path DATA = Path.of("target/test-data/inbox-large-" + System.nanoTime());
    private static final int ROWS = 10_000;

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
    @Autowired
    CamelContext camel;

    private final InboxFolder folder = new InboxFolder(DATA);

    @Test
    void a_ten_thousand_row_form_shows_its_progress_in_the_log_and_in_its_commands(CapturedOutput log) {
        byte[] form = movementForm();
        String sha = InboxCorpusTest.sha256(form);
        folder.drop("mary/big-move.csv", form);

        // While the form is still in the inbox, its first commands are already done and can be looked up.
        Awaitility.await("the first command finished").atMost(Duration.ofMinutes(2))
                .until(() -> gateway.status(sha + ":1").map(s -> s.state().terminal()).orElse(false));
        assertThat(folder.archived("mary", "big-move.csv.result.json")).as("the form is still being processed")
                .isEmpty();
        Optional<CommandStatus> first = gateway.status(sha + ":1");
        assertThat(first.orElseThrow().source().row()).isEqualTo(1);
        assertThat(first.get().source().document()).isEqualTo("mary/big-move.csv");

        Awaitility.await("the form archived").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> folder.archived("mary", "big-move.csv.result.json").isPresent());
        JsonNode commands = InboxFolder.json(folder.archived("mary", "big-move.csv.result.json").get())
                .path("commands");
        assertThat(commands).hasSize(ROWS);
        for (int n = 1; n <= ROWS; n++) {
            JsonNode command = commands.get(n - 1);
            assertThat(command.path("commandId").asText()).isEqualTo(sha + ":" + n);
            assertThat(command.path("row").asInt()).isEqualTo(n);
            // The cows are not on the farm: each relocation is judged and refused on its own.
            assertThat(command.path("state").asText()).isEqualTo("INVALID");
        }
        assertThat(gateway.status(sha + ":" + ROWS)).isPresent();

        for (int done = 1000; done <= ROWS; done += 1000) {
            assertThat(log.getOut()).contains("inbox mary/big-move.csv: " + done + " of " + ROWS
                    + " commands submitted");
            assertThat(log.getOut()).contains("inbox mary/big-move.csv: " + done + " of " + ROWS
                    + " commands finished");
        }
        assertThat(log.getOut()).contains("inbox mary/big-move.csv: archived by farmhub as mary/");
    }

    @Test
    void the_inbox_route_streams_the_commands_from_the_document() {
        SplitDefinition split = ProcessorDefinitionHelper.filterTypeInOutputs(
                ((ModelCamelContext) camel).getRouteDefinition("inbox-document").getOutputs(), SplitDefinition.class)
                .stream().findFirst().orElseThrow();
        assertThat(split.getStreaming()).isEqualTo("true");
        assertThat(split.getExpression().getExpression()).contains("inboxRun.commands()");
    }

    private static byte[] movementForm() {
        StringBuilder form = new StringBuilder("ear_tag,to,moved_on\n");
        for (int n = 0; n < ROWS; n++) {
            form.append(String.format("IE%011d,barn:cubicle-house,2026-11-03%n", 90_000_000_000L + n));
        }
        return form.toString().getBytes(StandardCharsets.UTF_8);
    }
}
