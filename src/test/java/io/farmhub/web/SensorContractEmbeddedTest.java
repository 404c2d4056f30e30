package io.farmhub.web;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sensor contract on the embedded runtime: SQLite event store and command index, folders, its own data folder. */
@DirtiesContext
class SensorContractEmbeddedTest extends SensorContractTest {

    private static final String DATA = "target/test-data/sensor-contract-" + System.nanoTime();

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("farmhub.data-dir", () -> DATA);
    }
}
