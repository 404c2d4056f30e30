package io.farmhub.commands;

import io.farmhub.azure.Azurite;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link CommandBatchesContract} on Append Blobs (Azurite): the record first, then each stream, then complete. */
@SpringBootTest
@ActiveProfiles("azure")
class CommandBatchesAzureTest extends CommandBatchesContract {

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        Azurite.register(registry);
        registry.add("farmhub.data-dir", () -> "target/test-data/command-batches-azure-" + System.nanoTime());
        registry.add("farmhub.eventstore.appendblob.container", () -> Azurite.uniqueContainerName("batches"));
        registry.add("farmhub.commands.index.container", () -> Azurite.uniqueContainerName("batch-index"));
        user(registry);
    }
}
