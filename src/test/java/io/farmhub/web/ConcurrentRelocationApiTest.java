package io.farmhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * 200 RelocateAnimal commands on one cow, sent over HTTP all at once. Each ends COMPLETED, or INVALID with a
 * reason; the cow's stream has no gap, and its history is exactly the moves that completed, each from where
 * the previous one left the cow.
 */
class ConcurrentRelocationApiTest extends ApiTestBase {

    static final int COMMANDS = 200;

    @Test
    void two_hundred_concurrent_moves_of_one_cow_leave_a_consistent_history() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        List<String> locations = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            String code = "conc-" + name + "-" + suffix;
            setUp("RegisterField", "{\"fieldCode\":\"" + code + "\",\"name\":\"F\",\"areaHectares\":2}");
            locations.add("field:" + code);
        }
        String barn = "conc-barn-" + suffix;
        setUp("RegisterBarn", "{\"barnCode\":\"" + barn + "\",\"name\":\"B\",\"capacity\":500}");
        locations.add("barn:" + barn);
        String cow = "IE" + (1_000_000_000L + Math.abs(suffix.hashCode() % 1_000_000_000L));
        setUp("RecordPurchase", "{\"earTag\":\"" + cow + "\",\"herdNumber\":\"H1\",\"sex\":\"F\",\"breed\":\"Angus\","
                + "\"bornOn\":\"2024-01-01\",\"purchasedOn\":\"2026-11-02\",\"seller\":\"Kelly\","
                + "\"price\":{\"amount\":\"1000.00\",\"currency\":\"EUR\"},\"location\":\"" + locations.get(0) + "\"}");

        Map<String, String> destinationOf = new HashMap<>();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < COMMANDS; i++) {
            String commandId = "move-" + suffix + "-" + i;
            String to = locations.get(Math.floorMod(i * 7 + i / 5, 4));
            destinationOf.put(commandId, to);
            sent.add(hub.sendAsync(hub.request("/api/commands", HANK).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(HubClient.command("RelocateAnimal",
                            commandId, "{\"earTag\":\"" + cow + "\",\"to\":\"" + to + "\",\"movedOn\":\"2026-11-20\"}")))
                    .build()));
        }
        sent.forEach(f -> assertThat(f.join().statusCode()).as(f.join().body()).isEqualTo(202));

        Map<String, JsonNode> outcomes = new HashMap<>();
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (String commandId : destinationOf.keySet()) {
                if (!outcomes.containsKey(commandId)) {
                    JsonNode status = HubClient.json(hub.get("/api/commands/" + commandId, MARY));
                    if (Set.of("COMPLETED", "INVALID", "FAILED").contains(status.path("state").asText())) {
                        outcomes.put(commandId, status);
                    }
                }
            }
            return outcomes.size() == COMMANDS;
        });

        Set<String> completed = new HashSet<>();
        outcomes.forEach((commandId, status) -> {
            String state = status.path("state").asText();
            assertThat(state).as(status.toString()).isIn("COMPLETED", "INVALID");
            if (state.equals("COMPLETED")) {
                completed.add(commandId);
            } else {
                assertThat(status.path("errors").get(0).path("code").asText()).as(status.toString())
                        .isIn("ALREADY_THERE", "CONFLICT");
            }
        });
        assertThat(completed).isNotEmpty();

        JsonNode events = HubClient.json(hub.get("/api/streams/cow/" + cow, MARY)).path("events");
        List<Long> versions = new ArrayList<>();
        events.forEach(e -> versions.add(e.path("version").asLong()));
        assertThat(versions).containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());

        Set<String> moved = new HashSet<>();
        String at = locations.get(0);
        for (JsonNode e : events) {
            if (!e.path("eventType").asText().equals("AnimalRelocated")) {
                continue;
            }
            String commandId = e.path("correlationId").asText();
            moved.add(commandId);
            assertThat(e.path("data").path("from").asText()).as(commandId).isEqualTo(at);
            assertThat(e.path("data").path("to").asText()).as(commandId).isEqualTo(destinationOf.get(commandId));
            at = e.path("data").path("to").asText();
        }
        assertThat(moved).isEqualTo(completed);
    }

    void setUp(String type, String payload) {
        String commandId = "conc-setup-" + UUID.randomUUID();
        assertThat(hub.post("/api/commands", MARY, HubClient.command(type, commandId, payload)).statusCode())
                .isEqualTo(202);
        assertThat(awaitTerminal(commandId).path("state").asText()).isEqualTo("COMPLETED");
    }
}
