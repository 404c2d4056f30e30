package io.farmhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobType;
import io.farmhub.azure.Azurite;
import io.farmhub.commands.CommandGateway;
import io.farmhub.commands.CommandState;
import io.farmhub.commands.CommandStatus;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.Json;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.camel.ProducerTemplate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sensor journal on the azure profile: two hubs on one Azurite account journal readings into the same append
 * blobs at once (chunks of 7 readings, streams of 5 chunks, so both hubs keep finding the journal moved on), and drain
 * it under the schedules' blob-lease leader lock. Every reading's command is created exactly once and completes, and
 * the cursor ends at the journal's end, one entry per chunk.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SensorJournalTwoHubsTest {

    private static final int SENDERS_PER_HUB = 2;
    private static final int BATCHES = 5;
    private static final int READINGS = 20;

    private final TwoHubs hubs = new TwoHubs();
    private ConfigurableApplicationContext hubA;
    private ConfigurableApplicationContext hubB;

    @BeforeAll
    void startBothHubs() {
        String[] journal = {"farmhub.sensors.journal.chunk-readings=7", "farmhub.sensors.journal.chunks-per-stream=5",
            "farmhub.sensors.drain.period=2000"};
        hubA = hubs.start("hub-a", journal);
        hubB = hubs.start("hub-b", journal);
    }

    @AfterAll
    void stopBothHubs() {
        if (hubA != null) {
            hubA.close();
        }
        if (hubB != null) {
            hubB.close();
        }
    }

    @Test
    void two_hubs_journal_into_one_journal_and_every_reading_becomes_its_command_once() throws Exception {
        CommandGateway gateway = hubA.getBean(CommandGateway.class);
        for (String sensor : List.of("a0", "a1", "b0", "b1")) { // a barn per sensor: few workflows race on one barn
            gateway.submit(new CommandRequest("RegisterBarn", "two-hubs-barn-" + sensor, Json.MAPPER.readTree(
                    "{\"barnCode\": \"two-hubs-" + sensor + "\", \"name\": \"Shed\", \"capacity\": 10}"),
                    "mary", CommandSource.api("mary")));
        }
        for (String sensor : List.of("a0", "a1", "b0", "b1")) {
            awaitCompleted(gateway, "two-hubs-barn-" + sensor);
        }

        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Void>> senders = new ArrayList<>();
        for (ConfigurableApplicationContext hub : List.of(hubA, hubB)) {
            ProducerTemplate producer = hub.getBean(ProducerTemplate.class);
            String name = hub == hubA ? "a" : "b";
            for (int s = 0; s < SENDERS_PER_HUB; s++) {
                String sensor = "two-hubs-" + name + s; // also the barn's code
                senders.add(CompletableFuture.runAsync(() -> {
                    for (int b = 0; b < BATCHES; b++) {
                        StringBuilder body = new StringBuilder("[");
                        for (int i = 0; i < READINGS; i++) {
                            Instant at = Instant.parse("2026-11-26T00:00:00Z").plusSeconds(60L * (b * READINGS + i));
                            body.append(i == 0 ? "" : ",").append("{\"sensorId\":\"").append(sensor)
                                    .append("\",\"kind\":\"barn-temperature\",\"subject\":\"").append(sensor)
                                    .append("\",")
                                    .append("\"value\":").append(i % 9).append(",\"unit\":\"C\",\"at\":\"")
                                    .append(at).append("\"}");
                            ids.add("sensor:" + sensor + ":" + at);
                        }
                        Object answer = producer.requestBody("direct:sensor-readings",
                                new SensorPost(body.append("]").toString(), "mary"));
                        assertThat(answer).isEqualTo(new SensorBatchResult(READINGS, List.of()));
                    }
                }));
            }
        }
        CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get();

        int total = 2 * SENDERS_PER_HUB * BATCHES * READINGS;
        EventStore store = hubB.getBean(EventStore.class);
        SensorJournalCursor cursor = hubB.getBean(SensorJournalCursor.class);
        // One barn's readings are decided one after another, in at order (docs/intake.md), and the cursor moves past a
        // chunk once its readings are decided: 100 readings per barn take 100 decisions on Azurite in turn.
        Awaitility.await("the cursor at the journal's end").atMost(Duration.ofSeconds(300))
                .until(() -> cursor.load().through() == total);
        int completed = 0;
        ReadingOnce once = new ReadingOnce(store, gateway);
        for (String id : ids) {
            completed += awaitEnded(gateway, id) ? 1 : 0;
            once.assertOnce(id);
        }
        assertThat(ids).hasSize(total);
        assertThat(completed).isGreaterThan(total / 2);
        assertThat(hubA.getBean(SensorJournal.class).refresh()).isEqualTo(total);
        long chunks = 0;
        for (long n = 1; store.version(StreamId.of("sensor", "journal", Long.toString(n))) > 0; n++) {
            long journaled = store.version(StreamId.of("sensor", "journal", Long.toString(n)));
            assertThat(store.version(StreamId.of("sensor", "drained", Long.toString(n)))).as("stream %s", n)
                    .isEqualTo(journaled);
            chunks += journaled;
        }
        assertThat(chunks).isEqualTo(2L * SENDERS_PER_HUB * BATCHES * 3); // 20 readings: chunks of 7, 7 and 6

        BlobServiceClient blobs = Azurite.get().blobServiceClient();
        assertThat(blobs.getBlobContainerClient(hubs.container("events")).getBlobClient("sensor/journal/1.events")
                .getProperties().getBlobType()).isEqualTo(BlobType.APPEND_BLOB);
        assertThat(blobs.getBlobContainerClient(hubs.container("locks")).getBlobClient("sensor-drain.lock")
                .getProperties().getMetadata()).containsKey("lastfiring");
    }

    private static void awaitCompleted(CommandGateway gateway, String id) {
        Awaitility.await(id).atMost(Duration.ofSeconds(120)).until(() -> gateway.status(id)
                .map(CommandStatus::state).filter(CommandState::terminal).isPresent());
        assertThat(gateway.status(id).orElseThrow().state()).as("%s", gateway.status(id))
                .isEqualTo(CommandState.COMPLETED);
    }

    /**
     * Ended, and COMPLETED unless the command pipeline gave up on a barn both hubs' workflows kept changing at once
     * (INVALID {@code CONFLICT} after its bounded retries: the pipeline's rule, not the journal's).
     */
    private static boolean awaitEnded(CommandGateway gateway, String id) {
        Awaitility.await(id).atMost(Duration.ofSeconds(120)).until(() -> gateway.status(id)
                .map(CommandStatus::state).filter(CommandState::terminal).isPresent());
        CommandStatus status = gateway.status(id).orElseThrow();
        if (status.state() == CommandState.INVALID) {
            assertThat(status.errors()).as("%s", status).extracting(CommandStatus.Error::code).containsOnly("CONFLICT");
            return false;
        }
        assertThat(status.state()).as("%s", status).isEqualTo(CommandState.COMPLETED);
        return true;
    }
}
