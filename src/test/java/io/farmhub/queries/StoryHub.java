package io.farmhub.queries;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.commands.CommandGateway;
import io.farmhub.eventstore.EventStore;
import io.farmhub.farm.query.ExampleFarm;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A hub (each test class says how, with its own {@code @SpringBootTest}) on its own fresh SQLite file, with the
 * query tests' users, on the story's day, told the example story through the command pipeline before its tests
 * run. Each class's hub is closed after it (no other class is handed a farm it changed, and hubs do not pile up
 * to be closed all at once when the test JVM exits).
 */
@Import(FarmDay.class)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoryHub {

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        QueryUsers.register(registry);
        // Chosen once per hub: the supplier is asked again for every property that refers to the data folder.
        String dataDir = Path.of("target/test-data/queries-" + UUID.randomUUID()).toString();
        registry.add("farmhub.data-dir", () -> dataDir);
    }

    @Autowired
    QueryEngine engine;
    @Autowired
    EventStore store;
    @Autowired
    CommandGateway gateway;

    @BeforeAll
    void storyIsTold() {
        assertThat(engine.today()).as("the hub's day (FarmDay)").isEqualTo(ExampleFarm.TODAY);
        StoryTold.to(gateway, engine);
    }
}
