package io.farmhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobType;
import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.azure.Azurite;
import io.farmhub.core.Json;
import io.farmhub.security.ApiKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub with the azure profile, as shipped, on Azurite: the example documents uploaded into the inbox container each
 * end up in the archive container with their result, every command completes, the events are append blobs in
 * {@code eventstreams}, and a scheduled report lands in the reports container. The containers are this test's own
 * (the shipped URIs, renamed), because hubs of other test classes stay alive in Spring's test context cache and poll
 * the shipped {@code inbox}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("azure")
@Import(TwoHubs.Engine.class)
// Closed with the class, while this JVM's Azurite still runs: a hub outliving it would wait out its storage retries.
@DirtiesContext
class AzureIntakeEndToEndTest {

    private static final Path EXAMPLES = Path.of("examples/inbox/mary");

    /** Containers of this test's own: hubs of other test classes, still cached, poll the shipped ones. */
    private static final String INBOX = Azurite.uniqueContainerName("inbox");
    private static final String ARCHIVE = Azurite.uniqueContainerName("inbox-archive");
    private static final String ERRORS = Azurite.uniqueContainerName("command-errors");
    private static final String REPORTS = Azurite.uniqueContainerName("reports");
    private static final String LOCKS = Azurite.uniqueContainerName("schedule-locks");

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        Azurite.register(registry);
        registry.add("farmhub.data-dir", () -> "target/test-data/azure-intake-" + System.nanoTime());
        registry.add("farmhub.security.users.mary.api-key-sha256", () -> ApiKey.sha256Hex("mary-key"));
        registry.add("farmhub.security.users.mary.roles", () -> "farm-manager");
        registry.add("farmhub.inbox.poll-delay", () -> "200");
        // The URIs exactly as the azure profile ships them, on the containers above.
        Properties shipped = shipped();
        shipped("farmhub.routes.inbox", "inbox", INBOX, shipped, registry);
        shipped("farmhub.routes.inbox-archive", "inbox-archive", ARCHIVE, shipped, registry);
        shipped("farmhub.routes.command-errors", "command-errors", ERRORS, shipped, registry);
        shipped("farmhub.routes.reports", "reports", REPORTS, shipped, registry);
        shipped("farmhub.routes.schedule-locks", "schedule-locks", LOCKS, shipped, registry);
    }

    private static void shipped(String property, String container, String instead, Properties shipped,
            DynamicPropertyRegistry registry) {
        String uri = shipped.getProperty(property);
        assertThat(uri).contains("/" + container + "?");
        registry.add(property, () -> uri.replace("/" + container + "?", "/" + instead + "?"));
    }

    private static Properties shipped() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application-azure.yaml"));
        return yaml.getObject();
    }

    @Autowired
    BlobServiceClient blobs;
    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    TestRestTemplate http;

    @Test
    void the_examples_uploaded_to_the_inbox_container_are_archived_with_results_and_their_events_are_append_blobs()
            throws Exception {
        BlobContainerClient inbox = blobs.getBlobContainerClient(INBOX);
        List<Path> examples = examples();
        for (Path example : examples) {
            inbox.getBlobClient("mary/" + example.getFileName()).upload(BinaryData.fromFile(example));
        }

        BlobContainerClient archive = blobs.getBlobContainerClient(ARCHIVE);
        Awaitility.await("every example archived").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> inbox.listBlobs().stream().findAny().isEmpty()
                        && archive.listBlobs().stream().count() == 2L * examples.size());

        for (Path example : examples) {
            String name = example.getFileName().toString();
            String key = archive.listBlobs().stream().map(BlobItem::getName)
                    .filter(n -> n.startsWith("mary/") && n.endsWith("/" + name)).findFirst().orElseThrow();
            assertThat(archive.getBlobClient(key).downloadContent().toBytes()).isEqualTo(Files.readAllBytes(example));
            JsonNode result = Json.MAPPER.readTree(archive.getBlobClient(key + ".result.json").downloadContent()
                    .toBytes());
            assertThat(result.path("document").asText()).isEqualTo("mary/" + name);
            assertThat(result.path("commands")).isNotEmpty();
            result.path("commands").forEach(command ->
                    assertThat(command.path("state").asText()).as("%s in %s", command, name).isEqualTo("COMPLETED"));
        }

        BlobContainerClient streams = blobs.getBlobContainerClient("eventstreams");
        for (String stream : List.of("farm/cow/IE22013340007", "farm/barn/cubicle-house", "farm/field/lough-field",
                "farm/tractor/NH5T120B009876")) {
            assertThat(streams.getBlobClient(stream + ".events").getProperties().getBlobType()).as(stream)
                    .isEqualTo(BlobType.APPEND_BLOB);
        }
        assertThat(http.getForObject("/actuator/health", JsonNode.class).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void a_scheduled_report_lands_in_the_reports_container() throws Exception {
        AdviceWith.adviceWith(camel, "schedule-tractor-service-check", route -> route.replaceFromWith("direct:fire"));
        producer.sendBodyAndHeader("direct:fire", null, "scheduledFireTime",
                Date.from(java.time.Instant.parse("2026-11-23T07:00:00Z")));

        BlobContainerClient reports = blobs.getBlobContainerClient(REPORTS);
        JsonNode answer = Json.MAPPER.readTree(reports.getBlobClient("tractors-service-due/2026-11-23.json")
                .downloadContent().toBytes());
        assertThat(answer.path("query").asText()).isEqualTo("tractors-service-due");
        assertThat(reports.getBlobClient("tractors-service-due/2026-11-23.csv").exists()).isTrue();
        assertThat(blobs.getBlobContainerClient(LOCKS).getBlobClient("tractor-service-check.lock")
                .getProperties().getMetadata()).containsEntry("lastfiring", "2026-11-23T07:00:00Z");
    }

    private static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.sorted().toList();
        }
    }
}
