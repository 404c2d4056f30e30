package io.farmhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.security.ApiKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A document whose commands do not finish in {@code farmhub.inbox.command-timeout} is archived anyway, each command
 * with the state it had reached. Here the pipeline's workflow route is stopped, so every command stays CREATED.
 */
@SpringBootTest
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class InboxCommandTimeoutTest {

    private static final Path DATA = Path.of("target/test-data/inbox-timeout-" + System.nanoTime());

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        registry.add("farmhub.data-dir", DATA::toString);
        registry.add("farmhub.security.users.mary.api-key-sha256", () -> ApiKey.sha256Hex("mary-key"));
        registry.add("farmhub.security.users.mary.roles", () -> "farm-manager");
        registry.add("farmhub.inbox.settle", () -> "50");
        registry.add("farmhub.inbox.poll-delay", () -> "100");
        registry.add("farmhub.inbox.command-timeout", () -> "PT2S");
    }

    @Autowired
    CamelContext camel;

    private final InboxFolder folder = new InboxFolder(DATA);

    @AfterEach
    void driveAgain() throws Exception {
        // The queued commands finish, so the hub does not wait for them when it shuts down.
        camel.getRouteController().startRoute("command-workflow");
    }

    @Test
    void commands_still_running_at_the_timeout_are_archived_with_the_state_they_reached(CapturedOutput log)
            throws Exception {
        // Nobody drives commands any more: they are recorded (CREATED) and queued, and go no further.
        camel.getRouteController().stopRoute("command-workflow");
        folder.drop("mary/moves.csv", ("ear_tag,to,moved_on\nIE22013340007,barn:cubicle-house,2026-11-03\n"
                + "IE22013340008,field:hazel-park,2026-11-04\n").getBytes(StandardCharsets.UTF_8));

        Awaitility.await("the document archived").atMost(Duration.ofSeconds(60))
                .until(() -> folder.archived("mary", "moves.csv.result.json").isPresent());

        JsonNode commands = InboxFolder.json(folder.archived("mary", "moves.csv.result.json").get()).path("commands");
        assertThat(commands).hasSize(2);
        commands.forEach(command -> assertThat(command.path("state").asText()).isEqualTo("CREATED"));
        // The original leaves the inbox last, just after its result is archived: wait for it, do not race it.
        Awaitility.await("the original removed from the inbox").atMost(Duration.ofSeconds(10))
                .until(() -> folder.waiting().isEmpty());
        assertThat(log.getOut()).contains("inbox mary/moves.csv: 2 commands were still running when the document was"
                + " archived");
    }
}
