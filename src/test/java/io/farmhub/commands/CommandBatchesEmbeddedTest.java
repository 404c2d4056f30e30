package io.farmhub.commands;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link CommandBatchesContract} on SQLite: each batch's record and appends are one write. */
@SpringBootTest
class CommandBatchesEmbeddedTest extends CommandBatchesContract {

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        registry.add("farmhub.data-dir", () -> "target/test-data/command-batches-" + System.nanoTime());
        user(registry);
    }
}
