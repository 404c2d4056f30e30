package io.farmhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobItem;
import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.azure.Azurite;
import io.farmhub.core.Json;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import io.farmhub.schedules.StoreQueries;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two hubs (two Spring and Camel contexts, azure profile) on one Azurite inbox: 200 documents dropped at once are
 * each processed by exactly one hub, archived exactly once, and their commands complete once; a schedule fired by
 * both hubs for the same instant runs once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class InboxTwoHubsTest {

    private static final int DOCUMENTS = 200;

    private final TwoHubs hubs = new TwoHubs();
    private final BlobServiceClient blobs = Azurite.get().blobServiceClient();
    private ConfigurableApplicationContext hubA;
    private ConfigurableApplicationContext hubB;

    @BeforeAll
    void startBothHubs() {
        hubA = hubs.start("hub-a");
        hubB = hubs.start("hub-b");
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
    void every_document_is_archived_exactly_once_and_its_command_completes_once(CapturedOutput log) {
        BlobContainerClient inbox = blobs.getBlobContainerClient(hubs.container("inbox"));
        BlobContainerClient archive = blobs.getBlobContainerClient(hubs.container("archive"));
        List<String> names = IntStream.rangeClosed(1, DOCUMENTS).mapToObj(n -> String.format("hubs-barn-%03d", n))
                .toList();
        for (String barn : names) {
            inbox.getBlobClient("mary/" + barn + ".json").upload(BinaryData.fromString("{\"commandType\":"
                    + " \"RegisterBarn\", \"payload\": {\"barnCode\": \"" + barn + "\", \"name\": \"" + barn
                    + "\", \"capacity\": 10}}"));
        }

        Awaitility.await("every document archived").atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1))
                .until(() -> inbox.listBlobs().stream().findAny().isEmpty()
                        && archive.listBlobs().stream().count() == 2L * DOCUMENTS);

        List<String> archived = archive.listBlobs().stream().map(BlobItem::getName)
                .filter(name -> !name.endsWith(".result.json")).toList();
        assertThat(archived).hasSize(DOCUMENTS);
        Set<String> documents = archived.stream().map(name -> name.substring(name.lastIndexOf('/') + 1))
                .collect(Collectors.toSet());
        assertThat(documents).isEqualTo(names.stream().map(n -> n + ".json").collect(Collectors.toSet()));

        EventStore store = hubA.getBean(EventStore.class);
        for (String name : archived) {
            JsonNode result = json(archive.getBlobClient(name + ".result.json").downloadContent());
            assertThat(result.path("commands")).hasSize(1);
            JsonNode command = result.path("commands").get(0);
            assertThat(command.path("state").asText()).as(name).isEqualTo("COMPLETED");
            String barn = name.substring(name.lastIndexOf('/') + 1).replace(".json", "");
            assertThat(store.read(StreamId.farm("barn", barn))).as(barn).hasSize(1);
        }
        assertThat(blobs.getBlobContainerClient(hubs.container("errors")).listBlobs().stream()
                .filter(b -> b.getName().startsWith("documents/")).count()).isZero();
        // Both hubs did take documents: the leases were contended, not idle.
        assertThat(log.getOut()).contains(": archived by hub-a as ").contains(": archived by hub-b as ");
    }

    @Test
    void a_schedule_fired_on_both_hubs_for_the_same_instant_runs_once() throws Exception {
        for (ConfigurableApplicationContext hub : List.of(hubA, hubB)) {
            AdviceWith.adviceWith(hub.getBean(CamelContext.class), "schedule-tb-test-inspection",
                    route -> route.replaceFromWith("direct:fire-tb"));
        }
        Instant firing = LocalDate.of(2026, 11, 27).atTime(6, 0).atZone(ZoneId.of("Europe/Dublin")).toInstant();

        fireOnBoth(firing);
        assertThat(runs()).isEqualTo(1);
        BlobContainerClient reports = blobs.getBlobContainerClient(hubs.container("reports"));
        assertThat(reports.getBlobClient("tb-tests-due/2026-11-27.csv").exists()).isTrue();
        assertThat(reports.getBlobClient("tb-tests-due/2026-11-27.json").exists()).isTrue();

        fireOnBoth(firing);
        assertThat(runs()).isEqualTo(1);
        fireOnBoth(firing.plus(Duration.ofDays(1)));
        assertThat(runs()).isEqualTo(2);
    }

    private void fireOnBoth(Instant firing) {
        List<CompletableFuture<Void>> fired = List.of(hubA, hubB).stream().map(hub -> CompletableFuture.runAsync(() ->
                hub.getBean(ProducerTemplate.class).sendBodyAndHeader("direct:fire-tb", null, "scheduledFireTime",
                        Date.from(firing)))).toList();
        fired.forEach(CompletableFuture::join);
    }

    private int runs() {
        return hubA.getBean(StoreQueries.class).runs().size() + hubB.getBean(StoreQueries.class).runs().size();
    }

    private static JsonNode json(BinaryData data) {
        try {
            return Json.MAPPER.readTree(data.toBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
