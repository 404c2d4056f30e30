package io.farmhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.commands.CommandGateway;
import io.farmhub.commands.CommandState;
import io.farmhub.commands.CommandStatus;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.Decision;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.Json;
import io.farmhub.core.StreamId;
import io.farmhub.core.Versioned;
import io.farmhub.eventstore.EventStore;
import io.farmhub.farm.barn.Barn;
import io.farmhub.farm.barn.BarnCommand;
import io.farmhub.farm.barn.BarnDecider;
import io.farmhub.security.ApiKey;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One barn's temperature readings are decided in {@code at} order, whatever order they arrive in: a batch posted out
 * of order, many batches drained together, and Event Hubs events of one partition. The BarnTemperatureRecorded
 * events stored are exactly those the barn's own decider keeps when it takes the readings one after another in
 * {@code at} order: none is dropped as stale because a later one overtook it.
 */
@SpringBootTest
@DirtiesContext
class SensorOrderTest {

    private static final Path DATA = Path.of("target/test-data/sensor-order-" + System.nanoTime());
    private static final String EVENTS = "direct:test-sensor-order-events";
    private static final Instant START = Instant.parse("2026-11-20T00:00:00Z");

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        registry.add("farmhub.data-dir", DATA::toString);
        registry.add("farmhub.security.users.mary.api-key-sha256", () -> ApiKey.sha256Hex("mary-key"));
        registry.add("farmhub.security.users.mary.roles", () -> "farm-manager");
        registry.add("farmhub.security.users.gateway-eh.api-key-sha256", () -> ApiKey.sha256Hex("eh-key"));
        registry.add("farmhub.security.users.gateway-eh.roles", () -> "sensor-gateway");
        registry.add("farmhub.sensors.eventhubs.user", () -> "gateway-eh");
        // Small chunks: a batch spans several, and the drain goes on from chunk to chunk.
        registry.add("farmhub.sensors.journal.chunk-readings", () -> "20");
    }

    @Autowired
    CommandGateway gateway;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    CamelContext camel;
    @Autowired
    EventStore store;

    /** One reading of the barn: {@code at} and °C. */
    record Reading(Instant at, BigDecimal celsius) {
        Reading {
            celsius = celsius.stripTrailingZeros(); // 14.0 and 14 are one temperature, however stored
        }
    }

    @Test
    void a_batch_sent_out_of_at_order_loses_nothing_the_dead_band_would_keep() throws Exception {
        String barn = register("order-shed-1");
        List<Reading> readings = walk(90, new Random(11));
        List<Reading> shuffled = new ArrayList<>(readings);
        Collections.shuffle(shuffled, new Random(12));
        post(barn, shuffled);

        assertDecidedInAtOrder(barn, readings);
    }

    @Test
    void many_batches_of_one_barn_drained_together_lose_nothing_the_dead_band_would_keep() throws Exception {
        String barn = register("order-shed-2");
        List<Reading> readings = walk(300, new Random(21));
        camel.getRouteController().stopRoute("sensor-drain"); // the batches wait in the journal, then drain at once
        try {
            for (int batch = 0; batch < 10; batch++) {
                post(barn, readings.subList(batch * 30, batch * 30 + 30));
            }
        } finally {
            camel.getRouteController().startRoute("sensor-drain");
        }
        producer.sendBody("{{farmhub.routes.sensor-drain}}", null);

        assertDecidedInAtOrder(barn, readings);
    }

    @Test
    void event_hubs_events_of_one_partition_are_decided_in_at_order() throws Exception {
        AdviceWith.adviceWith(camel, "sensor-events", route -> route.replaceFromWith(EVENTS));
        camel.getRouteController().startRoute("sensor-events");
        String barn = register("order-shed-3");
        List<Reading> readings = walk(200, new Random(31));
        Random random = new Random(32);
        for (int event = 0; event < 10; event++) {
            List<Reading> one = new ArrayList<>(readings.subList(event * 20, event * 20 + 20));
            Collections.shuffle(one, random);
            producer.sendBodyAndHeaders(EVENTS, body(barn, one, ",", "[", "]").getBytes(StandardCharsets.UTF_8),
                    java.util.Map.of("CamelAzureEventHubsPartitionId", "0",
                            "CamelAzureEventHubsSequenceNumber", String.valueOf(event)));
        }

        assertDecidedInAtOrder(barn, readings);
    }

    /** Readings every 5 minutes, wandering by up to ±0.6 °C, so the dead band and the heartbeat both matter. */
    private static List<Reading> walk(int count, Random random) {
        List<Reading> readings = new ArrayList<>();
        BigDecimal celsius = new BigDecimal("14.0");
        for (int i = 0; i < count; i++) {
            celsius = celsius.add(BigDecimal.valueOf(random.nextInt(13) - 6, 1));
            readings.add(new Reading(START.plus(Duration.ofMinutes(5L * i)), celsius));
        }
        return readings;
    }

    private String register(String barn) throws Exception {
        String id = "register-" + barn;
        gateway.submit(new CommandRequest("RegisterBarn", id, Json.MAPPER.readTree("{\"barnCode\": \"" + barn
                + "\", \"name\": \"" + barn + "\", \"capacity\": 10}"), "mary", CommandSource.api("mary")));
        Awaitility.await(id).atMost(Duration.ofSeconds(30)).until(() -> gateway.status(id)
                .map(CommandStatus::state).filter(s -> s == CommandState.COMPLETED).isPresent());
        return barn;
    }

    private void post(String barn, List<Reading> readings) {
        Object answer = producer.requestBody("direct:sensor-readings",
                new SensorPost(body(barn, readings, "\n", "", ""), "mary"));
        assertThat(answer).isEqualTo(new SensorBatchResult(readings.size(), List.of()));
    }

    private static String body(String barn, List<Reading> readings, String separator, String open, String close) {
        StringBuilder body = new StringBuilder(open);
        for (Reading reading : readings) {
            if (body.length() > open.length()) {
                body.append(separator);
            }
            body.append("{\"sensorId\":\"").append(barn).append("-temp\",\"kind\":\"barn-temperature\",")
                    .append("\"subject\":\"").append(barn).append("\",\"value\":").append(reading.celsius())
                    .append(",\"unit\":\"°C\",\"at\":\"").append(reading.at()).append("\"}");
        }
        return body.append(close).toString();
    }

    private void assertDecidedInAtOrder(String barn, List<Reading> readings) {
        for (Reading reading : readings) {
            String id = "sensor:" + barn + "-temp:" + reading.at();
            Awaitility.await(id).atMost(Duration.ofSeconds(120)).until(() -> gateway.status(id)
                    .map(CommandStatus::state).filter(CommandState::terminal).isPresent());
            assertThat(gateway.status(id).orElseThrow().state()).as(id).isEqualTo(CommandState.COMPLETED);
        }
        List<Reading> recorded = store.read(StreamId.farm("barn", barn)).stream()
                .filter(e -> e.eventType().equals("BarnTemperatureRecorded"))
                .map(e -> new Reading(Instant.parse(e.data().path("at").asText()),
                        e.data().path("celsius").decimalValue()))
                .toList();
        assertThat(recorded).isEqualTo(keptInAtOrder(barn, readings));
    }

    /** What the barn's decider records when it takes the readings one after another in {@code at} order. */
    private static List<Reading> keptInAtOrder(String barn, List<Reading> readings) {
        LocalDate today = LocalDate.of(2026, 11, 30);
        StreamId stream = StreamId.farm("barn", barn);
        Barn state = fold(Barn.AGGREGATE.initial(),
                BarnDecider.decide(new BarnCommand.RegisterBarn(barn, barn, 10), new Versioned<>(stream, 0,
                        Barn.AGGREGATE.initial()), today));
        List<Reading> kept = new ArrayList<>();
        List<Reading> sorted = readings.stream().sorted(Comparator.comparing(Reading::at)).toList();
        for (Reading reading : sorted) {
            Decision decision = BarnDecider.decide(new BarnCommand.RecordBarnTemperature(barn, reading.at(),
                    reading.celsius()), new Versioned<>(stream, 1, state), today);
            for (DomainEvent event : ((Decision.Accepted) decision).allEvents()) {
                if (event instanceof io.farmhub.farm.barn.BarnEvent.BarnTemperatureRecorded recorded) {
                    kept.add(new Reading(recorded.at(), recorded.celsius()));
                }
            }
            state = fold(state, decision);
        }
        assertThat(kept.size()).as("the dead band drops some readings").isLessThan(readings.size());
        return kept;
    }

    private static Barn fold(Barn state, Decision decision) {
        for (DomainEvent event : ((Decision.Accepted) decision).allEvents()) {
            state = Barn.AGGREGATE.evolve().apply(state, event);
        }
        return state;
    }
}
