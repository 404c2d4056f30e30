package io.farmhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.commands.CommandError;
import io.farmhub.commands.CommandErrors;
import io.farmhub.commands.CommandGateway;
import io.farmhub.commands.CommandState;
import io.farmhub.commands.CommandStatus;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.Json;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import io.farmhub.security.ApiKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.Synchronization;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Event Hubs partition's events through the {@code sensor-events} route (its {@code from} replaced by AdviceWith),
 * with failing events in the middle of the run, each way an event can fail: a reading rejected inside an array, a
 * body that is not readings, a store that fails on every try (kept after the retries), a store that fails once (done
 * on the retry), a replay with another value, and at last one that can be neither processed nor kept.
 *
 * <p>Each event's exchange carries the hook the Event Hubs consumer adds to it (a {@link Synchronization}: its
 * {@code onComplete} checkpoints the event, its {@code onFailure} does not), so the test sees exactly which events
 * would be checkpointed, and checks at that moment that the event's readings are stored or the event is kept.
 */
@SpringBootTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SensorEventsFailingMidBatchTest {

    private static final Path DATA = Path.of("target/test-data/sensor-events-mid-batch-" + System.nanoTime());
    private static final Path KEPT = DATA.resolve("event-errors/sensor-events");
    private static final String EVENTS = "direct:test-sensor-events-mid-batch";
    private static final String BARN = "eh-shed";
    private static final Instant START = Instant.parse("2026-11-27T06:00:00Z");
    private static final String DOWN = "sensor:eh-down-1:";
    private static final String FLAKY = "sensor:eh-flaky-1:";
    /** The failures left for eh-flaky-1's writes: one, so its event succeeds on its first retry. */
    private static final AtomicInteger FLAKY_FAILURES = new AtomicInteger(1);
    private static boolean advised;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        EventHubsByAdvice.register(registry, DATA);
        registry.add("farmhub.security.users.mary.api-key-sha256", () -> ApiKey.sha256Hex("mary-key"));
        registry.add("farmhub.security.users.mary.roles", () -> "farm-manager");
    }

    /** eh-down-1's writes always fail, as in a lasting outage; eh-flaky-1's fail once, as in a brief one. */
    @TestConfiguration
    static class FailingSensors {
        @Bean
        static BeanPostProcessor failingForTwoSensors() {
            return FailingAppends.inEveryStore(Map.of(DOWN, () -> true,
                    FLAKY, () -> FLAKY_FAILURES.getAndDecrement() > 0));
        }
    }

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    CommandGateway gateway;
    @Autowired
    CommandErrors errors;
    @Autowired
    EventStore store;
    @Autowired
    SensorEvents sensorEvents;

    /** The sequence numbers the consumer would checkpoint, those it would not, and checkpoints that broke the rule. */
    private static final List<Long> checkpointed = new CopyOnWriteArrayList<>();
    private static final List<Long> notCheckpointed = new CopyOnWriteArrayList<>();
    private static final List<String> broken = new CopyOnWriteArrayList<>();

    @BeforeEach
    void replaceEventHubs() throws Exception {
        if (!advised) {
            EventHubsByAdvice.feed(camel, EVENTS);
            registerBarn();
            advised = true;
        }
    }

    @Test
    @Order(1)
    void failing_events_mid_run_are_kept_the_others_stored_once_and_only_stored_or_kept_events_are_checkpointed()
            throws Exception {
        // minute -> its reading; eh-temp alternates 10 and 12 °C, so every stored one is outside the dead band.
        String event1 = array(reading("eh-temp", 1, "10"), reading("eh-temp", 2, "12"));
        String event2 = array(reading("eh-temp", 3, "10"), reading("eh-temp", 4, "12", "F"), reading("eh-temp", 5, "12"));
        String event3 = "[" + reading("eh-temp", 6, "12").substring(0, 40); // cut short: no reading can be read
        String event4 = array(reading("eh-temp", 6, "10"), reading("eh-down-1", 7, "12"), reading("eh-temp", 8, "10"));
        String event5 = array(reading("eh-temp", 9, "10"), reading("eh-flaky-1", 10, "12"), reading("eh-temp", 11, "10"));
        String event6 = array(reading("eh-temp", 1, "11"), reading("eh-temp", 12, "12"));
        String event7 = array(reading("eh-temp", 13, "10"));

        receive(1, event1, ids(1, 2));
        receive(2, event2, ids(3, 4, 5));
        receive(3, event3, List.of());
        receive(4, event4, List.of(id("eh-temp", 6), id("eh-down-1", 7), id("eh-temp", 8)));
        receive(5, event5, List.of(id("eh-temp", 9), id("eh-flaky-1", 10), id("eh-temp", 11)));
        receive(6, event6, ids(1, 12));
        receive(7, event7, ids(13));

        assertThat(broken).isEmpty();
        assertThat(checkpointed).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(notCheckpointed).isEmpty();
        assertThat(FLAKY_FAILURES.get()).as("eh-flaky-1's one failure was used").isLessThan(1);

        // Stored as events, each once: everything before, between and after the failing events.
        List<String> stored = new ArrayList<>(ids(1, 2, 3, 5, 9, 11, 12, 13));
        stored.add(id("eh-flaky-1", 10));
        ReadingOnce once = new ReadingOnce(store, gateway);
        for (String id : stored) {
            CommandStatus status = gateway.status(id).orElseThrow(() -> new AssertionError(id + " has no status"));
            assertThat(status.state()).as(id).isEqualTo(CommandState.COMPLETED);
            assertThat(status.events()).as(id).extracting(CommandStatus.AppendedEvent::eventType)
                    .contains("BarnTemperatureRecorded");
            once.assertOnce(id);
        }
        // The barn holds exactly those readings, once each: none of a kept event, none twice (the flaky retry).
        assertThat(store.read(StreamId.farm("barn", BARN)).stream()
                .filter(e -> e.eventType().equals("BarnTemperatureRecorded"))
                .map(e -> e.data().path("at").asText()).toList())
                .containsExactly(at(1), at(2), at(3), at(5), at(9), at(10), at(11), at(12), at(13));
        // The event that failed on every try is kept whole, none of its readings stored (one write on SQLite).
        for (String id : List.of(id("eh-temp", 4), id("eh-temp", 6), id("eh-down-1", 7), id("eh-temp", 8))) {
            assertThat(gateway.status(id)).as(id).isEmpty();
        }
        assertThat(gateway.status(id("eh-temp", 1)).orElseThrow().events()).as("the replay changed nothing")
                .hasSize(1);

        // Kept in command-errors, each as sent, with why, and recorded as command errors.
        assertThat(keptEvents()).containsExactlyInAnyOrder("0-2", "0-3", "0-4", "0-6");
        assertThat(copy("0-2")).isEqualTo(event2);
        assertThat(copy("0-3")).isEqualTo(event3);
        assertThat(copy("0-4")).isEqualTo(event4);
        assertThat(copy("0-6")).isEqualTo(event6);
        JsonNode rejected = why("0-2");
        assertThat(rejected.path("code").asText()).isEqualTo("MALFORMED");
        assertThat(rejected.path("rejected")).hasSize(1);
        assertThat(rejected.path("rejected").get(0).path("index").asInt()).isEqualTo(1);
        JsonNode refused = why("0-3");
        assertThat(refused.path("code").asText()).isEqualTo("MALFORMED");
        assertThat(refused.has("rejected")).as("refused whole, not reading by reading").isFalse();
        JsonNode failed = why("0-4");
        assertThat(failed.path("code").asText()).isEqualTo("FAILED");
        assertThat(failed.path("message").asText()).contains("the event store is unreachable");
        JsonNode conflict = why("0-6");
        assertThat(conflict.path("code").asText()).isEqualTo("CONFLICT");
        assertThat(conflict.path("rejected").get(0).path("index").asInt()).isEqualTo(0);

        List<String> recorded = errors.recent(200).stream().map(CommandError::message).toList();
        assertThat(recorded).filteredOn(m -> m.startsWith("Event 0-2, reading 1:")).hasSize(1);
        assertThat(recorded).filteredOn(m -> m.startsWith("Event 0-3:")).hasSize(1);
        assertThat(recorded).filteredOn(m -> m.startsWith("Event 0-4:")).hasSize(1)
                .allSatisfy(m -> assertThat(m).contains("Kept as sensor-events/"));
        assertThat(recorded).filteredOn(m -> m.startsWith("Event 0-6, reading 0:")).hasSize(1);
        assertThat(recorded).noneMatch(m -> m.startsWith("Event 0-1") || m.startsWith("Event 0-5")
                || m.startsWith("Event 0-7"));
        assertThat(sensorEvents.halted()).isFalse();
    }

    @Test
    @Order(2)
    void once_an_event_is_neither_processed_nor_kept_no_later_event_completes_even_when_it_could_be_kept()
            throws Exception {
        // command-errors cannot be written: its day folders' parent is now a file.
        deleteRecursively(KEPT);
        Files.writeString(KEPT, "not a folder");
        receive(8, array(reading("eh-down-1", 14, "12")), List.of(id("eh-down-1", 14)));

        assertThat(notCheckpointed).containsExactly(8L);
        assertThat(sensorEvents.halted()).isTrue();
        Awaitility.await("the route stopped").atMost(Duration.ofSeconds(30))
                .until(() -> camel.getRouteController().getRouteStatus("sensor-events") == ServiceStatus.Stopped);

        // command-errors is back, and someone starts the route again without restarting the hub: the next event
        // could be kept now, but completing it would checkpoint past event 8, which is in neither place.
        Files.delete(KEPT);
        camel.getRouteController().startRoute("sensor-events");
        receive(9, array(reading("eh-temp", 15, "12")), ids(15));

        assertThat(broken).isEmpty();
        assertThat(checkpointed).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(notCheckpointed).containsExactly(8L, 9L);
        assertThat(gateway.status(id("eh-temp", 15))).isEmpty();
        assertThat(keptEvents()).isEmpty();
        Awaitility.await("the route stopped again").atMost(Duration.ofSeconds(30))
                .until(() -> camel.getRouteController().getRouteStatus("sensor-events") == ServiceStatus.Stopped);
    }

    /**
     * Sends one event of partition 0 as the Event Hubs consumer would, with its completion hook: on completion the
     * consumer may checkpoint it, so by then each of {@code readings} must be stored, or the event kept.
     */
    private void receive(long sequence, String body, List<String> readings) {
        producer.send(EVENTS, exchange -> {
            exchange.getIn().setBody(body.getBytes(StandardCharsets.UTF_8));
            exchange.getIn().setHeader("CamelAzureEventHubsPartitionId", "0");
            exchange.getIn().setHeader("CamelAzureEventHubsSequenceNumber", sequence);
            exchange.getExchangeExtension().addOnCompletion(new Synchronization() {
                @Override
                public void onComplete(Exchange done) {
                    if (!stored(readings) && !kept("0-" + sequence)) {
                        broken.add("event " + sequence + " completed with its readings neither stored nor kept");
                    }
                    checkpointed.add(sequence);
                }

                @Override
                public void onFailure(Exchange failed) {
                    notCheckpointed.add(sequence);
                }
            });
        });
    }

    private boolean stored(List<String> readings) {
        return !readings.isEmpty() && readings.stream().allMatch(id -> gateway.status(id).map(CommandStatus::state)
                .filter(state -> state == CommandState.COMPLETED).isPresent());
    }

    private static boolean kept(String event) {
        Optional<Path> copy = keptCopy(event);
        return copy.isPresent() && Files.exists(copy.get().resolveSibling(copy.get().getFileName() + ".error.json"));
    }

    /** The events kept in command-errors, by {@code <partition>-<sequence>}. */
    private static List<String> keptEvents() {
        return InboxFolder.files(KEPT).stream().map(p -> p.getFileName().toString())
                .filter(name -> !name.endsWith(".error.json"))
                .map(name -> name.substring(0, name.length() - ".json".length()))
                .toList();
    }

    private static Optional<Path> keptCopy(String event) {
        return InboxFolder.files(KEPT).stream().filter(p -> p.getFileName().toString().equals(event + ".json"))
                .findFirst();
    }

    private static String copy(String event) throws IOException {
        return Files.readString(keptCopy(event).orElseThrow(() -> new AssertionError(event + " is not kept")));
    }

    private static JsonNode why(String event) {
        Path copy = keptCopy(event).orElseThrow(() -> new AssertionError(event + " is not kept"));
        return InboxFolder.json(copy.resolveSibling(copy.getFileName() + ".error.json"));
    }

    private void registerBarn() throws Exception {
        String id = "register-" + BARN;
        gateway.submit(new CommandRequest("RegisterBarn", id, Json.MAPPER.readTree("{\"barnCode\": \"" + BARN
                + "\", \"name\": \"" + BARN + "\", \"capacity\": 10}"), "mary", CommandSource.api("mary")));
        Awaitility.await(id).atMost(Duration.ofSeconds(30)).until(() -> gateway.status(id)
                .map(CommandStatus::state).filter(s -> s == CommandState.COMPLETED).isPresent());
    }

    private static String at(int minute) {
        return START.plus(Duration.ofMinutes(minute)).toString();
    }

    private static String id(String sensor, int minute) {
        return "sensor:" + sensor + ":" + at(minute);
    }

    /** eh-temp's readings at these minutes. */
    private static List<String> ids(int... minutes) {
        List<String> ids = new ArrayList<>();
        for (int minute : minutes) {
            ids.add(id("eh-temp", minute));
        }
        return ids;
    }

    private static String array(String... readings) {
        return "[" + String.join(",", readings) + "]";
    }

    private static String reading(String sensor, int minute, String celsius) {
        return reading(sensor, minute, celsius, "°C");
    }

    private static String reading(String sensor, int minute, String value, String unit) {
        return "{\"sensorId\":\"" + sensor + "\",\"kind\":\"barn-temperature\",\"subject\":\"" + BARN
                + "\",\"value\":" + value + ",\"unit\":\"" + unit + "\",\"at\":\"" + at(minute) + "\"}";
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
