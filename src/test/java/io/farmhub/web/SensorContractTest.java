package io.farmhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.intake.SensorBacklog;
import io.farmhub.security.ApiKey;
import io.farmhub.web.SensorHub.Reading;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sensor ingestion contract (interfaces.md "Sensor readings", domain.md's barn and tractor rules), over real
 * HTTP, the same on both runtimes: {@link SensorContractEmbeddedTest} (SQLite, folders) and
 * {@link SensorContractAzureTest} (the azure profile on Azurite). A reading becomes its command
 * {@code sensor:<sensorId>:<at>} with its events; a reading the dead band drops, or a stale one, completes with
 * no events; a replay is the same command, once; a replay with another value is a {@code CONFLICT} in command-errors;
 * a reading its rule rejects is INVALID and in command-errors. Every test uses barns, tractors and cows of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SensorContractTest {

    static final String GATE = "contract-gate-key";
    static final String MARY = "contract-mary-key";
    static final Instant T0 = Instant.parse("2026-11-20T06:00:00Z");

    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        registry.add("farmhub.security.users.mary.api-key-sha256", () -> ApiKey.sha256Hex(MARY));
        registry.add("farmhub.security.users.mary.roles", () -> "farm-manager");
        registry.add("farmhub.security.users.gate-7.api-key-sha256", () -> ApiKey.sha256Hex(GATE));
        registry.add("farmhub.security.users.gate-7.roles", () -> "sensor-gateway");
    }

    @LocalServerPort
    int port;
    @Autowired
    SensorBacklog backlog;

    SensorHub hub;
    /** This test's own names: tests of one class share a hub. */
    String suffix;

    @BeforeEach
    void connect() {
        hub = new SensorHub(new HubClient(port), GATE, MARY);
        suffix = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    String barn() {
        return "barn-" + suffix;
    }

    String tractor() {
        return "SC" + suffix; // digits and letters outside I, O, Q: a chassis number
    }

    String cow() {
        return "IE" + suffix;
    }

    static Instant at(long minutes) {
        return T0.plusSeconds(60 * minutes);
    }

    /** Long enough for a drain on Azurite behind other tests' hubs on a shared machine. */
    Duration patience() {
        return Duration.ofSeconds(120);
    }

    @Test
    void a_reading_becomes_its_command_with_its_event_on_the_subjects_stream() {
        hub.registerBarn(barn());
        hub.registerTractor(tractor());
        hub.buyCow(cow(), "field-" + suffix);
        Reading temperature = Reading.barn("temp-" + suffix, barn(), "14.5", at(0));
        Reading hours = Reading.tractor("hours-" + suffix, tractor(), "812.5", at(1));
        Reading milk = Reading.milk("collar-" + suffix, cow(), "12.4", at(2));

        hub.post(temperature, hours, milk);

        assertRecorded(temperature, "farm/barn/" + barn(), "barn", barn(), "BarnTemperatureRecorded");
        assertRecorded(hours, "farm/tractor/" + tractor(), "tractor", tractor(), "EngineHoursRecorded");
        assertRecorded(milk, "farm/cow/" + cow(), "cow", cow(), "MilkRecorded");
        JsonNode event = hub.eventsOf("barn", barn(), temperature.commandId()).get(0);
        assertThat(event.path("data").path("celsius").decimalValue()).isEqualByComparingTo("14.5");
    }

    /** COMPLETED, sent by the gateway from the sensor, with one event, and that event's envelope names the reading. */
    private void assertRecorded(Reading reading, String stream, String aggregate, String key, String eventType) {
        JsonNode status = hub.awaitTerminal(reading.commandId(), patience());
        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("COMPLETED");
        assertThat(status.path("commandId").asText()).isEqualTo(reading.commandId());
        assertThat(status.path("commandType").asText()).isEqualTo(reading.commandType());
        assertThat(status.path("submittedBy").asText()).isEqualTo("gate-7");
        assertThat(status.path("source").path("kind").asText()).isEqualTo("sensor");
        assertThat(status.path("source").path("sensorId").asText()).isEqualTo(reading.sensorId());
        assertThat(status.path("errors")).as(status.toString()).isEmpty();
        assertThat(status.path("events")).as(status.toString()).hasSize(1);
        JsonNode appended = status.path("events").get(0);
        assertThat(appended.path("stream").asText()).isEqualTo(stream);
        assertThat(appended.path("eventType").asText()).isEqualTo(eventType);

        List<JsonNode> stored = hub.eventsOf(aggregate, key, reading.commandId());
        assertThat(stored).as("the %s events correlated to %s", stream, reading.commandId()).hasSize(1);
        assertThat(stored.get(0).path("version").asLong()).isEqualTo(appended.path("version").asLong());
        assertThat(stored.get(0).path("eventType").asText()).isEqualTo(eventType);
        assertThat(stored.get(0).path("source").asText()).isEqualTo("sensor:" + reading.sensorId());
        assertThat(stored.get(0).path("who").asText()).isEqualTo("gate-7");
    }

    @Test
    void a_reading_within_the_dead_band_completes_with_no_events() {
        hub.registerBarn(barn());
        hub.registerTractor(tractor());
        String temp = "temp-" + suffix;
        String meter = "hours-" + suffix;
        List<Reading> recorded = List.of(
                Reading.barn(temp, barn(), "12.0", at(0)),     // the first is always recorded
                Reading.barn(temp, barn(), "12.5", at(10)),    // 0.5 °C from the last recorded: recorded
                Reading.barn(temp, barn(), "12.2", at(25)),    // 15 minutes after the last recorded: recorded
                Reading.tractor(meter, tractor(), "100.0", at(0)),
                Reading.tractor(meter, tractor(), "101.0", at(60))); // 1 h above the last recorded: recorded
        List<Reading> dropped = List.of(
                Reading.barn(temp, barn(), "12.3", at(5)),     // 0.3 °C, 5 minutes: within the dead band
                Reading.barn(temp, barn(), "12.1", at(12)),    // 0.4 °C from 12.5, 2 minutes
                Reading.tractor(meter, tractor(), "100.5", at(30)),  // half an hour more: under the 1 h step
                Reading.tractor(meter, tractor(), "101.9", at(90))); // 0.9 h above 101.0

        hub.post(List.of(recorded.get(0), dropped.get(0), recorded.get(1), dropped.get(1), recorded.get(2),
                recorded.get(3), dropped.get(2), recorded.get(4), dropped.get(3)));

        for (Reading reading : recorded) {
            JsonNode status = hub.awaitTerminal(reading.commandId(), patience());
            assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("COMPLETED");
            assertThat(status.path("events")).as(status.toString()).hasSize(1);
        }
        for (Reading reading : dropped) {
            boolean barnReading = reading.kind().equals("barn-temperature");
            assertCompletedWithNoEvents(reading, barnReading ? "barn" : "tractor", reading.subject(),
                    barnReading ? "within the dead band" : "not recorded");
        }
        assertThat(hub.events("barn", barn())).extracting(e -> e.path("eventType").asText())
                .containsExactly("BarnRegistered", "BarnTemperatureRecorded", "BarnTemperatureRecorded",
                        "BarnTemperatureRecorded");
        assertThat(hub.events("tractor", tractor())).extracting(e -> e.path("eventType").asText())
                .containsExactly("TractorRegistered", "EngineHoursRecorded", "EngineHoursRecorded");
    }

    @Test
    void a_stale_reading_completes_with_no_events_and_is_no_rule_broken() {
        hub.registerBarn(barn());
        hub.registerTractor(tractor());
        Reading temperature = Reading.barn("temp-" + suffix, barn(), "15.0", at(60));
        Reading hours = Reading.tractor("hours-" + suffix, tractor(), "200.0", at(60));
        hub.post(temperature, hours);
        assertThat(hub.awaitTerminal(temperature.commandId(), patience()).path("events")).hasSize(1);
        assertThat(hub.awaitTerminal(hours.commandId(), patience()).path("events")).hasSize(1);
        long barnVersion = hub.events("barn", barn()).size();
        long tractorVersion = hub.events("tractor", tractor()).size();

        // Delivered late: at or before the newest reading, so they say nothing about the barn or tractor now. The
        // temperature would cross the band and the hours go back, yet neither raises an alert or HOURS_DECREASED.
        Reading lateTemperature = Reading.barn("temp-" + suffix, barn(), "35.0", at(30));
        Reading lateHours = Reading.tractor("hours-" + suffix, tractor(), "150.0", at(30));
        hub.post(lateTemperature, lateHours);

        assertCompletedWithNoEvents(lateTemperature, "barn", barn(), "stale");
        assertCompletedWithNoEvents(lateHours, "tractor", tractor(), "stale");
        assertThat(hub.events("barn", barn())).hasSize((int) barnVersion);
        assertThat(hub.events("tractor", tractor())).hasSize((int) tractorVersion);
    }

    /**
     * What interfaces.md's command status says of a reading the rules keep nothing of: COMPLETED, no errors, no
     * events, and none of the subject's events carries its command id. (The spec gives no field saying why none.)
     */
    /** Ended with nothing to append, and its handle step says why ({@code why}: a phrase of that reason). */
    private void assertCompletedWithNoEvents(Reading reading, String aggregate, String key, String why) {
        JsonNode status = hub.awaitTerminal(reading.commandId(), patience());
        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("COMPLETED");
        assertThat(status.path("errors")).as(status.toString()).isEmpty();
        assertThat(status.path("events")).as(status.toString()).isEmpty();
        assertThat(status.path("source").path("sensorId").asText()).isEqualTo(reading.sensorId());
        assertThat(hub.eventsOf(aggregate, key, reading.commandId())).as(reading.commandId()).isEmpty();
        assertThat(status.path("steps").findValues("step")).extracting(JsonNode::asText).contains("handle");
        JsonNode handle = java.util.stream.StreamSupport.stream(status.path("steps").spliterator(), false)
                .filter(s -> s.path("step").asText().equals("handle")).findFirst().orElseThrow();
        assertThat(handle.path("detail").asText()).as(status.toString()).contains(why);
    }

    @Test
    void a_replayed_reading_is_the_same_command_once() {
        hub.registerBarn(barn());
        Reading reading = Reading.barn("temp-" + suffix, barn(), "11.0", at(0));
        hub.post(reading);
        JsonNode first = hub.awaitTerminal(reading.commandId(), patience());
        assertThat(first.path("state").asText()).isEqualTo("COMPLETED");
        List<JsonNode> barnEvents = hub.events("barn", barn());

        JsonNode again = hub.post(reading);

        assertThat(again.path("accepted").asInt()).isEqualTo(1);
        awaitDrained();
        assertThat(hub.status(reading.commandId())).isEqualTo(first);
        assertThat(hub.events("barn", barn())).isEqualTo(barnEvents);
        assertThat(hub.eventsOf("barn", barn(), reading.commandId())).hasSize(1);
        assertThat(hub.commandEvents(reading.commandType(), reading.commandId()))
                .as("drained readings run in their chunk's batch, never as a command of their own")
                .filteredOn(e -> e.path("eventType").asText().equals("CommandCreated")).isEmpty();
        assertThat(hub.errors()).noneSatisfy(e ->
                assertThat(e.path("commandId").asText()).isEqualTo(reading.commandId()));
    }

    @Test
    void a_replay_with_another_value_is_a_conflict_in_command_errors_and_changes_nothing() {
        hub.registerBarn(barn());
        Reading reading = Reading.barn("temp-" + suffix, barn(), "11.0", at(0));
        hub.post(reading);
        JsonNode first = hub.awaitTerminal(reading.commandId(), patience());
        List<JsonNode> barnEvents = hub.events("barn", barn());

        Reading changed = Reading.barn(reading.sensorId(), barn(), "19.5", reading.at());
        JsonNode answer = hub.post(changed); // kept for the drain: the conflict is found there, not in the answer

        assertThat(answer.path("accepted").asInt()).isEqualTo(1);
        Awaitility.await("the CONFLICT in command-errors").atMost(patience()).untilAsserted(() ->
                assertThat(hub.errors()).anySatisfy(e -> {
                    assertThat(e.path("code").asText()).isEqualTo("CONFLICT");
                    assertThat(e.path("commandId").asText()).isEqualTo(reading.commandId());
                    assertThat(e.path("commandType").asText()).isEqualTo("RecordBarnTemperature");
                    assertThat(e.path("submittedBy").asText()).isEqualTo("gate-7");
                    assertThat(e.path("source").path("kind").asText()).isEqualTo("sensor");
                    assertThat(e.path("source").path("sensorId").asText()).isEqualTo(reading.sensorId());
                    assertThat(e.path("message").asText()).contains("19.5");
                }));
        awaitDrained();
        assertThat(hub.status(reading.commandId())).isEqualTo(first);
        assertThat(hub.events("barn", barn())).isEqualTo(barnEvents);
        assertThat(hub.errors()).filteredOn(e -> e.path("commandId").asText().equals(reading.commandId()))
                .as("one conflict, recorded once").hasSize(1);
    }

    @Test
    void a_reading_its_rule_rejects_is_invalid_and_reaches_command_errors() {
        hub.registerBarn(barn());
        Reading tooHot = Reading.barn("temp-" + suffix, barn(), "75.0", at(0));     // a barn thermometer reads to 60
        Reading unknown = Reading.barn("ghost-" + suffix, "ghost-" + suffix, "12.0", at(0)); // no such barn
        HttpResponse<String> response = hub.send(List.of(tooHot,
                new Reading("bad-" + suffix, "barn-temperature", barn(), "12.0", "gallons", at(0)), unknown));

        // A reading that cannot be read is refused at its index; the others are kept and become commands.
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode answer = HubClient.json(response);
        assertThat(answer.path("accepted").asInt()).isEqualTo(2);
        assertThat(answer.path("rejected")).hasSize(1);
        assertThat(answer.path("rejected").get(0).path("index").asInt()).isEqualTo(1);
        assertThat(answer.path("rejected").get(0).path("code").asText()).isEqualTo("MALFORMED");
        assertThat(answer.path("rejected").get(0).path("message").asText()).isNotBlank();

        assertInvalidInCommandErrors(tooHot, "OUT_OF_RANGE", "celsius");
        assertInvalidInCommandErrors(unknown, "UNKNOWN_LOCATION", "barnCode");
        assertThat(hub.eventsOf("barn", barn(), tooHot.commandId())).isEmpty();
    }

    private void assertInvalidInCommandErrors(Reading reading, String code, String field) {
        JsonNode status = hub.awaitTerminal(reading.commandId(), patience());
        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("INVALID");
        assertThat(status.path("events")).isEmpty();
        assertThat(status.path("errors")).as(status.toString()).anySatisfy(e -> {
            assertThat(e.path("code").asText()).isEqualTo(code);
            assertThat(e.path("field").asText()).isEqualTo(field);
            assertThat(e.path("message").asText()).isNotBlank();
        });
        Awaitility.await(reading.commandId() + " in command-errors").atMost(patience()).untilAsserted(() ->
                assertThat(hub.errors()).anySatisfy(e -> {
                    assertThat(e.path("commandId").asText()).isEqualTo(reading.commandId());
                    assertThat(e.path("commandType").asText()).isEqualTo(reading.commandType());
                    assertThat(e.path("code").asText()).isEqualTo(code);
                    assertThat(e.path("field").asText()).isEqualTo(field);
                    assertThat(e.path("message").asText()).isNotBlank();
                    assertThat(e.path("submittedBy").asText()).isEqualTo("gate-7");
                    assertThat(e.path("source").path("sensorId").asText()).isEqualTo(reading.sensorId());
                }));
    }

    /** Nothing journaled waits for the drain: a replay has been drained (and found to change nothing). */
    private void awaitDrained() {
        Awaitility.await("the sensor journal drained").atMost(patience()).until(() -> backlog.readings() == 0);
    }
}
