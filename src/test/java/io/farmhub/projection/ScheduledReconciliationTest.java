package io.farmhub.projection;

import static io.farmhub.farm.query.ExampleFarmStreams.FRIESIAN;
import static io.farmhub.farm.query.ExampleFarmStreams.NEW_HOLLAND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every notification lost (none is sent at all): the reconciliation schedule catches the cached states up with
 * the streams, and the classifier index with them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScheduledReconciliationTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "reconcile-").resolve("data");
        registry.add("farmhub.data-dir", data::toString);
        HubUsers.register(registry);
        // The schedule, through Quartz, every second; the run at start-up is put off, so only the schedule can
        // catch the projections up here.
        registry.add("farmhub.schedules.reconciliation.cron", () -> "* * * * * ?");
        // Its own Quartz scheduler (named after the Camel context): no other test's hub takes these firings.
        registry.add("camel.main.name", () -> "farmhub-reconciliation-test");
        registry.add("farmhub.routes.reconciliation-at-start-up",
                () -> "timer:reconciliation-at-start-up?repeatCount=1&delay=3600000");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore store;

    @Autowired
    MembershipIndex index;

    @Test
    void the_schedule_catches_up_what_no_notification_announced() {
        StoredStory.append(store); // and not one farm.event-appended is sent

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var cow = HubUsers.get(http, "/api/projections/cow-summary/" + FRIESIAN, HubUsers.MARY, JsonNode.class);
            assertThat(cow.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(cow.getBody().get("version").asLong()).isEqualTo(store.version(StreamId.farm("cow", FRIESIAN)));
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                index.members("service-due", "2026-11-27")).extracting(StreamId::key).containsExactly(NEW_HOLLAND));
        assertThat(HubUsers.get(http, "/api/projections/barn-summary/cubicle-house", HubUsers.MARY, JsonNode.class)
                .getBody()
                .at("/state/occupancy").asInt()).isEqualTo(2);
    }
}
