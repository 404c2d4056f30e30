package io.farmhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.security.ApiKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub as a child JVM takes 1,000 commands from 16 HTTP clients and is killed with SIGKILL halfway through.
 * Restarted on the same data folder, every command it had acknowledged (202) reaches a terminal state, no
 * event id is stored twice and no stream has a gap.
 */
class CrashRecoveryApiTest {

    static final String KEY = "crash-test-key";
    static final int CLIENTS = 16;
    static final int COMMANDS = 1000;

    @TempDir
    Path dataDir;

    @Test
    void every_acknowledged_command_completes_after_a_sigkill_and_restart() throws Exception {
        List<String> cows = new ArrayList<>();
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // commandId -> command type
        Process first = start("first");
        try {
            HubClient hub = awaitUp(first, "first");
            setUp(hub, cows);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> submitUntilKilled(hub, client, cows.get(client), acknowledged));
            }
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10))
                    .until(() -> acknowledged.size() >= COMMANDS / 2 || !first.isAlive());
            first.destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed on the way out
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            first.destroyForcibly();
        }
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(acknowledged.size()).isBetween(COMMANDS / 2, COMMANDS);

        Process second = start("second");
        try {
            HubClient hub = awaitUp(second, "second");
            Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() ->
                    acknowledged.keySet().stream().allMatch(id -> terminal(hub, id)));
            Set<String> eventIds = new HashSet<>();
            for (String cow : cows) {
                assertNoGapNoDuplicate(hub, "/api/streams/cow/" + cow, eventIds);
            }
            for (Map.Entry<String, String> command : acknowledged.entrySet()) {
                JsonNode status = HubClient.json(hub.get("/api/commands/" + command.getKey(), KEY));
                assertThat(status.path("state").asText()).as(status.toString()).isIn("COMPLETED", "INVALID");
                assertNoGapNoDuplicate(hub, "/api/streams/command/" + command.getValue() + "/" + command.getKey(),
                        eventIds);
            }
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
            second.destroyForcibly();
        }
    }

    /** Client {@code client} sends its share, alternating moves and milkings of its own cow, until the hub dies. */
    static void submitUntilKilled(HubClient hub, int client, String cow, Map<String, String> acknowledged) {
        for (int n = 0; n < COMMANDS / CLIENTS + 1 && acknowledged.size() < COMMANDS; n++) {
            String commandId = "crash-" + client + "-" + n;
            String type = n % 2 == 0 ? "RelocateAnimal" : "RecordMilking";
            String payload = n % 2 == 0
                    ? "{\"earTag\":\"" + cow + "\",\"to\":\"field:crash-" + (n % 4 == 0 ? "b" : "a")
                            + "\",\"movedOn\":\"2026-11-20\"}"
                    : "{\"earTag\":\"" + cow + "\",\"milkedAt\":\"2026-11-20T06:" + String.format("%02d", n % 60)
                            + ":" + String.format("%02d", n / 60) + "Z\",\"litres\":12.5}";
            try {
                HttpResponse<String> response = hub.post("/api/commands", KEY,
                        HubClient.command(type, commandId, payload));
                if (response.statusCode() == 202) {
                    acknowledged.put(commandId, type);
                }
            } catch (UncheckedIOException hubGone) {
                return;
            }
        }
    }

    void setUp(HubClient hub, List<String> cows) {
        completes(hub, "RegisterField", "crash-setup-a", "{\"fieldCode\":\"crash-a\",\"name\":\"A\",\"areaHectares\":3}");
        completes(hub, "RegisterField", "crash-setup-b", "{\"fieldCode\":\"crash-b\",\"name\":\"B\",\"areaHectares\":3}");
        for (int c = 0; c < CLIENTS; c++) {
            String cow = "IE" + (5_550_000_000L + c);
            cows.add(cow);
            completes(hub, "RecordPurchase", "crash-setup-cow-" + c, "{\"earTag\":\"" + cow + "\",\"herdNumber\":\"H1\","
                    + "\"sex\":\"F\",\"breed\":\"Angus\",\"bornOn\":\"2024-01-01\",\"purchasedOn\":\"2026-11-02\","
                    + "\"seller\":\"Kelly\",\"price\":{\"amount\":\"1000.00\",\"currency\":\"EUR\"},"
                    + "\"location\":\"field:crash-a\"}");
        }
    }

    static void completes(HubClient hub, String type, String commandId, String payload) {
        assertThat(hub.post("/api/commands", KEY, HubClient.command(type, commandId, payload)).statusCode())
                .isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> terminal(hub, commandId));
        assertThat(HubClient.json(hub.get("/api/commands/" + commandId, KEY)).path("state").asText())
                .isEqualTo("COMPLETED");
    }

    static boolean terminal(HubClient hub, String commandId) {
        HttpResponse<String> response = hub.get("/api/commands/" + commandId, KEY);
        return response.statusCode() == 200 && Set.of("COMPLETED", "INVALID")
                .contains(HubClient.json(response).path("state").asText());
    }

    static void assertNoGapNoDuplicate(HubClient hub, String path, Set<String> eventIds) {
        HttpResponse<String> response = hub.get(path, KEY);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        JsonNode events = HubClient.json(response).path("events");
        List<Long> versions = new ArrayList<>();
        for (JsonNode e : events) {
            versions.add(e.path("version").asLong());
            assertThat(eventIds.add(e.path("eventId").asText())).as("event id stored once: " + e).isTrue();
        }
        assertThat(versions).as(path).containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
    }

    int port;

    Process start(String name) throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), io.farmhub.FarmHubApplication.class.getName(),
                "--server.port=" + port, "--farmhub.data-dir=" + dataDir,
                "--farmhub.security.users.crash.api-key-sha256=" + ApiKey.sha256Hex(KEY),
                "--farmhub.security.users.crash.roles=farm-manager", "--logging.level.root=WARN")
                .redirectOutput(dataDir.resolve(name + ".out").toFile())
                .redirectError(dataDir.resolve(name + ".err").toFile())
                .start();
    }

    HubClient awaitUp(Process child, String name) {
        HubClient hub = new HubClient(port);
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .untilAsserted(() -> {
                    assertThat(child.isAlive()).as("hub alive; its log: %s",
                            Files.readString(dataDir.resolve(name + ".out"))).isTrue();
                    assertThat(hub.get("/actuator/health", null).statusCode()).isEqualTo(200);
                });
        return hub;
    }
}
