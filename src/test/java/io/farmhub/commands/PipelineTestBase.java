package io.farmhub.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.FarmHubApplication;
import io.farmhub.commands.tally.Tally;
import io.farmhub.commands.tally.TallyCommands;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.Json;
import io.farmhub.eventstore.EventStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One hub shared by the pipeline tests: the real SQLite store and command index in a fresh data folder, the real
 * routes, the Tally handlers. Retries are quick and the reconciliation schedule fires every second for commands idle
 * for three seconds, so recovery is observable within a test.
 */
@CamelSpringBootTest
@SpringBootTest(classes = FarmHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "farmhub.commands.retry.attempts=2",
        "farmhub.commands.retry.delay=10",
        "farmhub.commands.retry.multiplier=1",
        "farmhub.commands.stalled-after=PT3S",
        "farmhub.schedules.reconciliation.cron=* * * * * ?",
        // Camel names its Quartz scheduler after the context, and Quartz keeps one scheduler per name in the JVM:
        // a name of its own keeps this hub's firings from going to another test's hub.
        "camel.main.name=farmhub-pipeline-test"})
@Import(PipelineTestConfiguration.class)
abstract class PipelineTestBase {

    static final Path DATA_DIR = tempDir();

    @Autowired
    CommandGateway gateway;
    @Autowired
    EventStore store;
    @Autowired
    CommandErrors errors;
    @Autowired
    CamelContext camel;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("farmhub.data-dir", DATA_DIR::toString);
    }

    @AfterEach
    void noFaults() {
        faults().heal();
        TallyCommands.interference = (stream, tally) -> {
        };
    }

    FaultyEventStore faults() {
        return (FaultyEventStore) store;
    }

    /** A tally code no other test uses. */
    static String tally() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String id() {
        return "cmd-" + UUID.randomUUID();
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CommandRequest count(String commandId, String tally, int by) {
        return new CommandRequest("Count", commandId,
                json("{\"tally\":\"" + tally + "\",\"by\":" + by + ",\"countedOn\":\"2026-11-20\"}"), "mary",
                CommandSource.api("mary"));
    }

    static CommandRequest countBoth(String commandId, String first, String second, int by) {
        return new CommandRequest("CountBoth", commandId, json("{\"first\":\"" + first + "\",\"second\":\"" + second
                + "\",\"by\":" + by + ",\"countedOn\":\"2026-11-20\"}"), "mary", CommandSource.api("mary"));
    }

    CommandStatus awaitState(String commandId, CommandState state) {
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> gateway.status(commandId).map(CommandStatus::state).orElse(null) == state);
        return gateway.status(commandId).orElseThrow();
    }

    List<EventEnvelope> tallyEvents(String tally) {
        return store.read(Tally.AGGREGATE.stream(tally));
    }

    /** No event twice, no gap: versions 1..n and distinct ids. */
    static void assertWellFormed(List<EventEnvelope> events) {
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).version()).isEqualTo(i + 1);
        }
        assertThat(events.stream().map(EventEnvelope::eventId).distinct().count()).isEqualTo(events.size());
    }

    static List<String> steps(CommandStatus status) {
        return status.steps().stream().map(s -> s.step() + ":" + s.status()).toList();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("farmhub-pipeline-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
