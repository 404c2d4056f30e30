package io.farmhub.intake;

import io.farmhub.eventstore.EventStore;
import io.farmhub.security.ApiKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded hub's folder inbox applies each document in row order: documents whose rows depend on the rows before
 * them (register then register again, buy then sell twice, a dam then her calf, a cow moved A→B→C→A, a purchase
 * then a sale), dropped 20 times each into the running hub, each row ending exactly as it would run serially.
 */
@SpringBootTest
@DirtiesContext
class InboxRowOrderTest {

    private static final Path DATA = Path.of("target/test-data/inbox-row-order-" + System.nanoTime());
    private static final int RUNS = 20;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        registry.add("farmhub.data-dir", DATA::toString);
        registry.add("farmhub.security.users.mary.api-key-sha256", () -> ApiKey.sha256Hex("mary-key"));
        registry.add("farmhub.security.users.mary.roles", () -> "farm-manager");
        registry.add("farmhub.inbox.settle", () -> "50");
        registry.add("farmhub.inbox.poll-delay", () -> "100");
    }

    @Autowired
    EventStore store;

    private final InboxFolder folder = new InboxFolder(DATA);
    private final InboxOrderScenario scenario = new InboxOrderScenario(RUNS);

    @Test
    void every_row_of_every_document_ends_as_it_would_serially() {
        dropAndAwait(scenario.setup());
        List<InboxOrderScenario.Document> documents = scenario.documents();
        dropAndAwait(documents);
        for (InboxOrderScenario.Document document : documents) {
            InboxOrderScenario.assertSerial(document.name(), InboxFolder.json(
                    folder.archived("mary", document.name() + ".result.json").orElseThrow()));
        }
        scenario.assertMovementsEndAtA(store);
    }

    private void dropAndAwait(List<InboxOrderScenario.Document> documents) {
        documents.forEach(document -> folder.drop("mary/" + document.name(), document.bytes()));
        Awaitility.await("archived").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> documents.stream().allMatch(d -> folder.archived("mary", d.name() + ".result.json")
                        .isPresent()));
    }
}
