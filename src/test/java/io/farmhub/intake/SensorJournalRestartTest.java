package io.farmhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.FarmHubApplication;
import io.farmhub.commands.CommandGateway;
import io.farmhub.commands.CommandState;
import io.farmhub.commands.CommandStatus;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.Json;
import io.farmhub.eventstore.EventStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A hub journals readings and stops while its drain is half done: one chunk drained and recorded on the cursor, the
 * next one's readings partly submitted (the drain stopped between its submissions and its cursor entry), the rest
 * not drained. Restarted on the same data folder, the drain catches up on its own: every reading's command is
 * created exactly once and completes.
 */
class SensorJournalRestartTest {

    @TempDir
    Path data;

    @Test
    void a_hub_restarted_before_its_drain_finished_creates_every_readings_command_exactly_once() throws Exception {
        List<String> ids = new ArrayList<>();
        try (ConfigurableApplicationContext hub = start(false)) {
            CommandGateway gateway = hub.getBean(CommandGateway.class);
            gateway.submit(new CommandRequest("RegisterBarn", "restart-barn", Json.MAPPER.readTree(
                    "{\"barnCode\": \"restart-shed\", \"name\": \"Restart Shed\", \"capacity\": 10}"), "mary",
                    CommandSource.api("mary")));
            awaitState(gateway, "restart-barn");
            ProducerTemplate producer = hub.getBean(ProducerTemplate.class);
            for (int batch = 0; batch < 3; batch++) {
                StringBuilder body = new StringBuilder();
                for (int i = 0; i < 10; i++) {
                    Instant at = Instant.parse("2026-11-26T00:00:00Z").plusSeconds(900L * (batch * 10 + i));
                    body.append("{\"sensorId\":\"restart-temp\",\"kind\":\"barn-temperature\",\"subject\":")
                            .append("\"restart-shed\",\"value\":").append(5 + i).append(",\"unit\":\"°C\",\"at\":\"")
                            .append(at).append("\"}\n");
                    ids.add("sensor:restart-temp:" + at);
                }
                Object answer = producer.requestBody("direct:sensor-readings", new SensorPost(body.toString(), "mary"));
                assertThat(answer).isEqualTo(new SensorBatchResult(10, List.of()));
            }
            SensorJournal journal = hub.getBean(SensorJournal.class);
            SensorJournalCursor cursor = hub.getBean(SensorJournalCursor.class);
            List<SensorJournal.Chunk> chunks = journal.read(1, 1);
            assertThat(chunks).hasSize(9); // 3 batches × chunks of 4 + 4 + 2 readings
            // What a drain stopped mid-way leaves: chunk 1 drained and recorded, half of chunk 2 submitted.
            chunks.get(0).readings().forEach(r -> gateway.submit(r.toCommand("mary")));
            assertThat(cursor.advance(chunks.get(0))).isTrue();
            chunks.get(1).readings().subList(0, 2).forEach(r -> gateway.submit(r.toCommand("mary")));
            assertThat(gateway.status(ids.get(6))).isEmpty();
        }

        try (ConfigurableApplicationContext hub = start(true)) {
            CommandGateway gateway = hub.getBean(CommandGateway.class);
            EventStore store = hub.getBean(EventStore.class);
            ReadingOnce once = new ReadingOnce(store, gateway);
            for (String id : ids) {
                awaitState(gateway, id);
                once.assertOnce(id);
            }
            SensorBacklog backlog = hub.getBean(SensorBacklog.class);
            Awaitility.await("the cursor at the journal's end").atMost(Duration.ofSeconds(30))
                    .until(() -> backlog.drained() == 30);
            assertThat(backlog.journaled()).isEqualTo(30);
            assertThat(gateway.recent(null, 100).stream().map(CommandStatus::commandId)
                    .filter(id -> id.startsWith("sensor:"))).hasSize(30).doesNotHaveDuplicates();
        }
    }

    private static void awaitState(CommandGateway gateway, String id) {
        Awaitility.await(id).atMost(Duration.ofSeconds(60)).until(() -> gateway.status(id)
                .map(CommandStatus::state).filter(s -> s == CommandState.COMPLETED).isPresent());
    }

    private ConfigurableApplicationContext start(boolean drain) {
        return new SpringApplicationBuilder(FarmHubApplication.class)
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton("testTypeExcludeFilter", new TwoHubs.NoTestConfigurations()))
                .run("--server.port=0", "--farmhub.data-dir=" + data, "--farmhub.sensors.journal.chunk-readings=4",
                        "--farmhub.sensors.drain.enabled=" + drain,
                        "--farmhub.security.users.mary.api-key-sha256=" + io.farmhub.security.ApiKey.sha256Hex("k"),
                        "--farmhub.security.users.mary.roles=farm-manager");
    }
}
