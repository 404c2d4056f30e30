package io.farmhub.intake;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobItem;
import io.farmhub.azure.Azurite;
import io.farmhub.core.Json;
import io.farmhub.eventstore.EventStore;
import io.farmhub.security.ApiKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub with the azure profile on Azurite applies each document of its inbox container in row order: the
 * order-dependent documents of {@link InboxOrderScenario}, uploaded 20 times each (spread over four users' folders,
 * which the hub works side by side), each row ending exactly as it would run serially, on Append Blobs.
 */
@SpringBootTest
@ActiveProfiles("azure")
@DirtiesContext
class AzureInboxRowOrderTest {

    private static final String INBOX = Azurite.uniqueContainerName("inbox");
    private static final String ARCHIVE = Azurite.uniqueContainerName("inbox-archive");
    private static final String ERRORS = Azurite.uniqueContainerName("command-errors");
    private static final String EVENTS = Azurite.uniqueContainerName("eventstreams");
    private static final String INDEX = Azurite.uniqueContainerName("command-index");
    private static final String SNAPSHOTS = Azurite.uniqueContainerName("projection-snapshots");
    private static final List<String> USERS = List.of("mary", "tom", "ann", "joe");
    private static final int RUNS = 20;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        Azurite.register(registry);
        registry.add("farmhub.data-dir", () -> "target/test-data/azure-row-order-" + System.nanoTime());
        for (String user : USERS) {
            registry.add("farmhub.security.users." + user + ".api-key-sha256", () -> ApiKey.sha256Hex(user + "-key"));
            registry.add("farmhub.security.users." + user + ".roles", () -> "farm-manager");
        }
        registry.add("farmhub.inbox.poll-delay", () -> "200");
        registry.add("farmhub.routes.inbox", () -> blob(INBOX));
        registry.add("farmhub.routes.inbox-archive", () -> blob(ARCHIVE));
        registry.add("farmhub.routes.command-errors", () -> blob(ERRORS));
        registry.add("farmhub.eventstore.appendblob.container", () -> EVENTS);
        registry.add("farmhub.commands.index.container", () -> INDEX);
        // Its own read side too: another Azure test in this JVM must not find these cows in its classifier sets.
        registry.add("farmhub.projections.container", () -> SNAPSHOTS);
    }

    private static String blob(String container) {
        return "azure-storage-blob://farmhub/" + container + "?serviceClient=#blobServiceClient";
    }

    @Autowired
    BlobServiceClient blobs;
    @Autowired
    EventStore store;

    private final InboxOrderScenario scenario = new InboxOrderScenario(RUNS);

    @Test
    void every_row_of_every_document_ends_as_it_would_serially() {
        upload(scenario.setup(), false);
        List<InboxOrderScenario.Document> documents = scenario.documents();
        upload(documents, true);
        for (int i = 0; i < documents.size(); i++) {
            String name = documents.get(i).name();
            InboxOrderScenario.assertSerial(name, result(USERS.get(i % USERS.size()), name).orElseThrow());
        }
        scenario.assertMovementsEndAtA(store);
    }

    /** Uploads the documents (to one folder, or spread over the users) and waits until each is archived. */
    private void upload(List<InboxOrderScenario.Document> documents, boolean spread) {
        BlobContainerClient inbox = blobs.getBlobContainerClient(INBOX);
        for (int i = 0; i < documents.size(); i++) {
            String user = spread ? USERS.get(i % USERS.size()) : USERS.get(0);
            inbox.getBlobClient(user + "/" + documents.get(i).name()).upload(BinaryData.fromBytes(
                    documents.get(i).bytes()));
        }
        Awaitility.await("archived").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    for (int i = 0; i < documents.size(); i++) {
                        String user = spread ? USERS.get(i % USERS.size()) : USERS.get(0);
                        if (result(user, documents.get(i).name()).isEmpty()) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    private Optional<com.fasterxml.jackson.databind.JsonNode> result(String user, String name) {
        BlobContainerClient archive = blobs.getBlobContainerClient(ARCHIVE);
        return archive.listBlobs().stream().map(BlobItem::getName)
                .filter(n -> n.startsWith(user + "/") && n.endsWith("/" + name + ".result.json")).findFirst()
                .map(key -> {
                    try {
                        return Json.MAPPER.readTree(archive.getBlobClient(key).downloadContent().toBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
