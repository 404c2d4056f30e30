package io.farmhub.web;

import io.farmhub.azure.Azurite;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sensor contract on the azure profile against Azurite: append blobs, the blob command index and the blob
 * command-errors record. Every container is this test's own, so the sensor journal, its cursor and the errors listed
 * are this hub's alone, whatever other test classes' hubs in this JVM write to the shipped containers.
 */
@ActiveProfiles("azure")
// Closed with the class, while this JVM's Azurite still runs: a hub outliving it would wait out its storage retries.
@DirtiesContext
class SensorContractAzureTest extends SensorContractTest {

    // Named once: a property's supplier may be asked more than once.
    private static final String EVENTS = Azurite.uniqueContainerName("events");
    private static final String INDEX = Azurite.uniqueContainerName("index");
    private static final String ERRORS = Azurite.uniqueContainerName("errors");
    private static final String INBOX = Azurite.uniqueContainerName("inbox");
    private static final String ARCHIVE = Azurite.uniqueContainerName("archive");
    private static final String REPORTS = Azurite.uniqueContainerName("reports");
    private static final String LOCKS = Azurite.uniqueContainerName("locks");
    private static final String DATA = "target/test-data/sensor-contract-azure-" + System.nanoTime();

    @DynamicPropertySource
    static void azure(DynamicPropertyRegistry registry) {
        Azurite.register(registry);
        registry.add("farmhub.data-dir", () -> DATA);
        registry.add("farmhub.eventstore.appendblob.container", () -> EVENTS);
        registry.add("farmhub.commands.index.container", () -> INDEX);
        registry.add("farmhub.commands.errors.container", () -> ERRORS);
        registry.add("farmhub.routes.command-errors", () -> blob(ERRORS));
        registry.add("farmhub.routes.inbox", () -> blob(INBOX));
        registry.add("farmhub.routes.inbox-archive", () -> blob(ARCHIVE));
        registry.add("farmhub.routes.reports", () -> blob(REPORTS));
        registry.add("farmhub.routes.schedule-locks", () -> blob(LOCKS));
    }

    private static String blob(String container) {
        return "azure-storage-blob://farmhub/" + container + "?serviceClient=#blobServiceClient";
    }
}
