package io.farmhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.intake.SensorBacklog;
import io.farmhub.security.ApiKey;
import io.farmhub.web.SensorHub.Reading;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Four gateways post 12,000 distinct readings at once over HTTP (batches of 250), with duplicates: each replays one of
 * its own batches and re-sends 50 of its neighbour's readings, identical, while the neighbour is still sending. Not a
 * timed test: once the journal is drained, no reading is lost or doubled. Every distinct reading has its one status,
 * COMPLETED, its command was created once, and it has at most one event (the dead band drops some), the one its status
 * lists. The journal holds every reading accepted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SensorLoadTest {

    static final String GATE = "load-gate-key";
    static final String MARY = "load-mary-key";
    static final int CLIENTS = 4;
    static final int PER_CLIENT = 3_000;
    static final int BATCH = 250;
    static final int SUBJECTS_PER_CLIENT = 10; // 5 barns, 5 tractors
    static final Instant START = Instant.parse("2026-11-22T00:00:00Z");
    private static final String DATA = "target/test-data/sensor-load-" + System.nanoTime();

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        registry.add("farmhub.data-dir", () -> DATA);
        registry.add("farmhub.security.users.mary.api-key-sha256", () -> ApiKey.sha256Hex(MARY));
        registry.add("farmhub.security.users.mary.roles", () -> "farm-manager");
        registry.add("farmhub.security.users.gate-7.api-key-sha256", () -> ApiKey.sha256Hex(GATE));
        registry.add("farmhub.security.users.gate-7.roles", () -> "sensor-gateway");
    }

    @LocalServerPort
    int port;
    @Autowired
    SensorBacklog backlog;

    @Test
    void readings_posted_concurrently_with_duplicates_each_end_as_one_command_with_at_most_one_event()
            throws Exception {
        SensorHub hub = new SensorHub(new HubClient(port), GATE, MARY);
        List<List<Reading>> byClient = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            for (int s = 0; s < SUBJECTS_PER_CLIENT / 2; s++) {
                hub.registerBarn(barn(c, s));
                hub.registerTractor(tractor(c, s));
            }
            byClient.add(readings(c));
        }
        long journaledBefore = backlog.journaled();

        AtomicLong accepted = new AtomicLong();
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            List<Reading> own = byClient.get(c);
            List<Reading> neighbours = byClient.get((c + 1) % CLIENTS).subList(1_000, 1_050);
            clients.add(CompletableFuture.runAsync(() -> {
                for (int from = 0; from < own.size(); from += BATCH) {
                    accepted.addAndGet(hub.post(own.subList(from, from + BATCH)).path("accepted").asLong());
                    if (from == 1_000) { // the neighbour is about as far: these may reach the journal first
                        accepted.addAndGet(hub.post(neighbours).path("accepted").asLong());
                    }
                }
                accepted.addAndGet(hub.post(own.subList(BATCH, 2 * BATCH)).path("accepted").asLong()); // a replay
            }));
        }
        CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get();
        assertThat(accepted.get()).isEqualTo(CLIENTS * (PER_CLIENT + 50L + BATCH));

        Awaitility.await("the sensor journal drained").atMost(Duration.ofSeconds(900))
                .pollInterval(Duration.ofSeconds(1)).until(() -> backlog.readings() == 0);
        assertThat(backlog.journaled() - journaledBefore).as("every accepted reading journaled")
                .isEqualTo(accepted.get());

        List<Reading> all = byClient.stream().flatMap(List::stream).toList();
        Map<String, JsonNode> statuses = hub.awaitAllTerminal(all.stream().map(Reading::commandId).toList(),
                Duration.ofSeconds(300));
        Map<String, Long> eventsByReading = new HashMap<>();
        for (int c = 0; c < CLIENTS; c++) {
            for (int s = 0; s < SUBJECTS_PER_CLIENT / 2; s++) {
                count(hub.events("barn", barn(c, s)), eventsByReading);
                count(hub.events("tractor", tractor(c, s)), eventsByReading);
            }
        }
        int recorded = 0;
        for (Reading reading : all) {
            JsonNode status = statuses.get(reading.commandId());
            assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("COMPLETED");
            long events = eventsByReading.getOrDefault(reading.commandId(), 0L);
            assertThat(events).as("events of %s", reading.commandId()).isLessThanOrEqualTo(1);
            assertThat(status.path("events")).as(status.toString()).hasSize((int) events);
            assertThat(hub.commandEvents(reading.commandType(), reading.commandId()))
                    .filteredOn(e -> e.path("eventType").asText().equals("CommandCreated"))
                    .as("%s ran in its chunk's batch, not also on its own", reading.commandId()).isEmpty();
            recorded += (int) events;
        }
        assertThat(eventsByReading.keySet()).as("no event for a reading never sent")
                .isSubsetOf(all.stream().map(Reading::commandId).collect(Collectors.toSet()));
        // The readings wander across the dead band and the 1 h step: many record, some do not.
        assertThat(recorded).isBetween(all.size() / 4, all.size() - 1);
    }

    private static void count(List<JsonNode> events, Map<String, Long> eventsByReading) {
        events.stream().map(e -> e.path("correlationId").asText()).filter(id -> id.startsWith("sensor:"))
                .forEach(id -> eventsByReading.merge(id, 1L, Long::sum));
    }

    static String barn(int client, int s) {
        return "load-shed-" + client + "-" + s;
    }

    static String tractor(int client, int s) {
        return "LD" + client + s + "000000";
    }

    /**
     * One client's readings: a round of its subjects a minute, each barn and tractor read every 2 minutes. A barn
     * wanders by up to ±0.8 °C inside 5–25 °C (no alerts), a tractor's meter goes up by 0 to 2 h: some readings
     * record, some the dead band or the 1 h step drops.
     */
    static List<Reading> readings(int client) {
        Random random = new Random(client);
        BigDecimal[] celsius = new BigDecimal[SUBJECTS_PER_CLIENT / 2];
        BigDecimal[] hours = new BigDecimal[SUBJECTS_PER_CLIENT / 2];
        java.util.Arrays.fill(celsius, new BigDecimal("15.0"));
        java.util.Arrays.fill(hours, new BigDecimal("500.0"));
        List<Reading> readings = new ArrayList<>();
        for (int n = 0; readings.size() < PER_CLIENT; n++) {
            int s = n % (SUBJECTS_PER_CLIENT / 2);
            Instant at = START.plusSeconds(60L * (n / (SUBJECTS_PER_CLIENT / 2)));
            if (n % 2 == 0) {
                BigDecimal step = BigDecimal.valueOf(random.nextInt(17) - 8, 1);
                BigDecimal next = celsius[s].add(step);
                celsius[s] = next.compareTo(new BigDecimal("5")) < 0 || next.compareTo(new BigDecimal("25")) > 0
                        ? celsius[s].subtract(step) : next;
                readings.add(Reading.barn("load-temp-" + client + "-" + s, barn(client, s), celsius[s].toPlainString(),
                        at));
            } else {
                hours[s] = hours[s].add(BigDecimal.valueOf(random.nextInt(21), 1));
                readings.add(Reading.tractor("load-hours-" + client + "-" + s, tractor(client, s),
                        hours[s].toPlainString(), at));
            }
        }
        return readings;
    }
}
