package io.farmhub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.commands.CommandError;
import io.farmhub.commands.CommandErrors;
import io.farmhub.commands.CommandGateway;
import io.farmhub.commands.CommandStatus;
import io.farmhub.commands.CommandState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;
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
 * The Event Hubs route's logic, with its {@code from} replaced (AdviceWith) because no Event Hubs emulator runs
 * here: readings become commands, a bad reading is a command error, an event that is not readings or that keeps
 * failing is kept in command-errors before the route goes on, and a route that cannot even keep a failed event
 * halts, so the consumer never checkpoints past it.
 */
@SpringBootTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SensorEventsRouteTest {

    private static final Path DATA = Path.of("target/test-data/sensor-events-" + System.nanoTime());
    private static final String EVENTS = "direct:test-sensor-events";
    private static boolean advised;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        EventHubsByAdvice.register(registry, DATA);
    }

    /** An event store that fails, as a storage outage would, for the writes of sensor faulty-1's readings. */
    @TestConfiguration
    static class FailingSensor {
        @Bean
        static BeanPostProcessor failingForOneSensor() {
            return FailingAppends.inEveryStore(Map.of(FAULTY, () -> true));
        }
    }

    private static final String FAULTY = "sensor:faulty-1:";

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    CommandGateway gateway;
    @Autowired
    CommandErrors errors;
    @Autowired
    SensorEvents sensorEvents;

    @BeforeEach
    void replaceEventHubs() throws Exception {
        if (!advised) {
            EventHubsByAdvice.feed(camel, EVENTS);
            advised = true;
        }
    }

    @Test
    @Order(1)
    void one_reading_per_event_becomes_its_command_as_the_configured_gateway_user() {
        send(reading("collar-17", "milk-yield", "IE12345670012", "12.4", "L", "2026-11-26T06:12:00Z"));

        CommandStatus status = gateway.status("sensor:collar-17:2026-11-26T06:12:00Z").orElseThrow();
        assertThat(status.commandType()).isEqualTo("RecordMilking");
        assertThat(status.submittedBy()).isEqualTo("gateway-eh");
        assertThat(status.source().sensorId()).isEqualTo("collar-17");
    }

    @Test
    @Order(2)
    void an_array_is_submitted_reading_by_reading_and_a_bad_reading_is_a_command_error() {
        send("[" + reading("shed-temp-9", "barn-temperature", "calf-shed", "9.5", "°C", "2026-11-26T06:00:00Z")
                + "," + reading("shed-temp-9", "barn-temperature", "calf-shed", "9.5", "F", "2026-11-26T06:15:00Z")
                + "," + reading("mf-hours-9", "engine-hours", "MF7S165A004521", "815.2", "h", "2026-11-26T17:30:00Z")
                + "]");

        assertThat(gateway.status("sensor:shed-temp-9:2026-11-26T06:00:00Z")).isPresent();
        assertThat(gateway.status("sensor:mf-hours-9:2026-11-26T17:30:00Z")).isPresent();
        assertThat(gateway.status("sensor:shed-temp-9:2026-11-26T06:15:00Z")).isEmpty();
        assertThat(errors.recent(50)).anySatisfy(error -> {
            assertThat(error.code()).isEqualTo("MALFORMED");
            assertThat(error.message()).contains("reading 1").contains("unit");
            assertThat(error.submittedBy()).isEqualTo("gateway-eh");
        });
    }

    @Test
    @Order(3)
    void an_event_that_is_not_readings_is_kept_in_command_errors_and_the_route_goes_on() throws Exception {
        send("this is not a reading");
        send(reading("collar-18", "milk-yield", "IE12345670012", "10.1", "L", "2026-11-26T06:20:00Z"));

        Path kept = onlyKept("this is not a reading");
        JsonNode error = InboxFolder.json(kept.resolveSibling(kept.getFileName() + ".error.json"));
        assertThat(error.path("code").asText()).isEqualTo("MALFORMED");
        assertThat(errors.recent(50)).extracting(CommandError::message)
                .anySatisfy(message -> assertThat(message).contains("Kept as sensor-events/"));
        assertThat(gateway.status("sensor:collar-18:2026-11-26T06:20:00Z")).isPresent();
    }

    @Test
    @Order(4)
    void an_event_that_keeps_failing_is_kept_after_its_retries_and_the_route_goes_on() throws Exception {
        String failing = reading("faulty-1", "milk-yield", "IE12345670012", "9.0", "L", "2026-11-26T07:00:00Z");
        send(failing);
        send(reading("collar-19", "milk-yield", "IE12345670012", "11.0", "L", "2026-11-26T07:05:00Z"));

        Path kept = onlyKept(failing);
        JsonNode error = InboxFolder.json(kept.resolveSibling(kept.getFileName() + ".error.json"));
        assertThat(error.path("code").asText()).isEqualTo("FAILED");
        assertThat(error.path("message").asText()).contains("the event store is unreachable")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(gateway.status("sensor:collar-19:2026-11-26T07:05:00Z")).isPresent();
        assertThat(sensorEvents.halted()).isFalse();
    }

    @Test
    @Order(5)
    void an_event_that_can_be_neither_processed_nor_kept_halts_the_route_so_nothing_later_is_checkpointed()
            throws Exception {
        Path errorsFolder = DATA.resolve("event-errors");
        // command-errors cannot be written: its day folder's parent is now a file.
        deleteRecursively(errorsFolder.resolve("sensor-events"));
        Files.writeString(errorsFolder.resolve("sensor-events"), "not a folder");

        String failing = reading("faulty-1", "milk-yield", "IE12345670012", "9.5", "L", "2026-11-26T08:00:00Z");
        assertThatThrownBy(() -> send(failing)).hasRootCauseInstanceOf(java.io.IOException.class);
        assertThat(sensorEvents.halted()).isTrue();

        Awaitility.await("the route stopped").atMost(Duration.ofSeconds(30))
                .until(() -> camel.getRouteController().getRouteStatus("sensor-events") == ServiceStatus.Stopped);
    }

    private void send(String body) {
        producer.sendBody(EVENTS, body.getBytes(StandardCharsets.UTF_8));
    }

    private Path onlyKept(String body) throws Exception {
        List<Path> kept = InboxFolder.files(DATA.resolve("event-errors/sensor-events")).stream()
                .filter(p -> !p.toString().endsWith(".error.json"))
                .filter(p -> readQuietly(p).equals(body))
                .toList();
        assertThat(kept).hasSize(1);
        return kept.get(0);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static void deleteRecursively(Path root) throws java.io.IOException {
        List<Path> all = new java.util.ArrayList<>(InboxFolder.files(root));
        for (Path file : all) {
            Files.delete(file);
        }
        try (var dirs = Files.walk(root)) {
            for (Path dir : dirs.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(dir);
            }
        }
    }

    private static String reading(String sensor, String kind, String subject, String value, String unit, String at) {
        return "{\"sensorId\":\"" + sensor + "\",\"kind\":\"" + kind + "\",\"subject\":\"" + subject
                + "\",\"value\":" + value + ",\"unit\":\"" + unit + "\",\"at\":\"" + at + "\"}";
    }
}
