package io.farmhub.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.FarmHubApplication;
import io.farmhub.azure.Azurite;
import io.farmhub.commands.tally.Tally;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.Json;
import io.farmhub.eventstore.EventStore;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The pipeline on the azure profile against Azurite: append blob streams, a blob per indexed command, blob errors. */
@SpringBootTest(classes = FarmHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("azure")
@Import(PipelineTestConfiguration.class)
class AzurePipelineTest {

    @DynamicPropertySource
    static void azurite(DynamicPropertyRegistry registry) {
        Azurite.register(registry);
        registry.add("farmhub.data-dir", () -> "target/test-data/azure-pipeline");
        registry.add("farmhub.eventstore.appendblob.container", () -> Azurite.uniqueContainerName("streams"));
        registry.add("farmhub.commands.index.container", () -> Azurite.uniqueContainerName("command-index"));
        registry.add("farmhub.commands.errors.container", () -> Azurite.uniqueContainerName("command-errors"));
    }

    @Autowired
    CommandGateway gateway;
    @Autowired
    CommandErrors errors;
    @Autowired
    CommandIndex index;
    @Autowired
    EventStore store;

    private CommandStatus awaitTerminal(String id) {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> gateway.status(id).map(s -> s.state().terminal()).orElse(false));
        return gateway.status(id).orElseThrow();
    }

    private String submit(String tally, int by) {
        String id = "azure-" + UUID.randomUUID();
        gateway.submit(new CommandRequest("Count", id, Json.MAPPER.createObjectNode().put("tally", tally).put("by", by)
                .put("countedOn", "2026-11-20"), "mary", CommandSource.api("mary")));
        return id;
    }

    @Test
    void a_command_completes_on_append_blobs_and_a_rejected_one_lands_in_blob_command_errors() {
        assertThat(index).isInstanceOf(BlobCommandIndex.class);
        assertThat(errors).isInstanceOf(BlobCommandErrors.class);
        String tally = "azure-" + UUID.randomUUID().toString().substring(0, 8);

        String done = submit(tally, 2);
        CommandStatus completed = awaitTerminal(done);
        assertThat(completed.state()).isEqualTo(CommandState.COMPLETED);
        assertThat(completed.events()).containsExactly(new CommandStatus.AppendedEvent("farm/tally/" + tally, 1, "Counted"));
        assertThat(store.read(Tally.AGGREGATE.stream(tally))).hasSize(1);
        assertThat(index.find(done).orElseThrow().state()).isEqualTo(CommandState.COMPLETED);

        String refused = submit(tally, Tally.CAPACITY);
        assertThat(awaitTerminal(refused).state()).isEqualTo(CommandState.INVALID);
        assertThat(errors.recent(10)).anyMatch(e -> e.commandId().equals(refused) && e.code().equals("OUT_OF_RANGE"));
        assertThat(gateway.recent(CommandState.INVALID, 10)).extracting(CommandStatus::commandId).contains(refused);
    }
}
