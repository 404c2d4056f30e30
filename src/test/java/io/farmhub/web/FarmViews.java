package io.farmhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.awaitility.Awaitility;

/**
 * What the REST API says about the farm, read as the contract words it (domain.md, interfaces.md), never through
 * internals: command outcomes, a barn's housed cows from its own stream, barn-summary, animals-at and cow-summary.
 * The race tests compare these with each other, so they keep working whatever the write side does inside.
 */
final class FarmViews {

    static final Set<String> TERMINAL = Set.of("COMPLETED", "INVALID", "FAILED");

    private final HubClient hub;
    private final String key;

    FarmViews(HubClient hub, String key) {
        this.hub = hub;
        this.key = key;
    }

    /** Submits one command and insists it was taken (202, or 200 when the same id was sent before). */
    void submit(String type, String commandId, String payload) {
        HttpResponse<String> response = hub.post("/api/commands", key, HubClient.command(type, commandId, payload));
        assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
    }

    /** Waits until every command is terminal and returns each one's status. */
    Map<String, JsonNode> outcomes(List<String> commandIds, Duration patience) {
        Map<String, JsonNode> outcomes = new HashMap<>();
        Awaitility.await().atMost(patience).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (String commandId : commandIds) {
                if (!outcomes.containsKey(commandId)) {
                    JsonNode status = HubClient.json(hub.get("/api/commands/" + commandId, key));
                    if (TERMINAL.contains(status.path("state").asText())) {
                        outcomes.put(commandId, status);
                    }
                }
            }
            return outcomes.size() == commandIds.size();
        });
        return outcomes;
    }

    /** Submits the commands one after the other as setup, each to COMPLETED. */
    void setUp(Map<String, String[]> commands) {
        commands.forEach((commandId, typeAndPayload) -> submit(typeAndPayload[0], commandId, typeAndPayload[1]));
        outcomes(List.copyOf(commands.keySet()), Duration.ofSeconds(60)).forEach((commandId, status) ->
                assertThat(status.path("state").asText()).as("setup %s: %s", commandId, status)
                        .isEqualTo("COMPLETED"));
    }

    static String state(JsonNode status) {
        return status.path("state").asText();
    }

    /** The first error code of a status, "" when it has none. */
    static String code(JsonNode status) {
        return status.path("errors").path(0).path("code").asText();
    }

    JsonNode stream(String aggregate, String streamKey) {
        HttpResponse<String> response = hub.get("/api/streams/" + aggregate + "/" + streamKey, key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return HubClient.json(response).path("events");
    }

    /**
     * A barn's housed cows after each version of its own stream, folded from {@code AnimalHoused} and
     * {@code AnimalLeftBarn} (domain.md): element i is the set after version i + 1.
     */
    List<Set<String>> housedByVersion(String barn) {
        List<Set<String>> versions = new ArrayList<>();
        Set<String> housed = new TreeSet<>();
        for (JsonNode event : stream("barn", barn)) {
            String tag = event.path("data").path("earTag").asText();
            switch (event.path("eventType").asText()) {
                case "AnimalHoused" -> housed.add(tag);
                case "AnimalLeftBarn" -> housed.remove(tag);
                default -> {
                }
            }
            versions.add(new TreeSet<>(housed));
        }
        return versions;
    }

    long streamVersion(String aggregate, String streamKey) {
        JsonNode events = stream(aggregate, streamKey);
        return events.isEmpty() ? 0 : events.get(events.size() - 1).path("version").asLong();
    }

    /** barn-summary's whole answer: {projection, key, version, state}. */
    JsonNode barnSummary(String barn) {
        HttpResponse<String> response = hub.get("/api/projections/barn-summary/" + barn, key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return HubClient.json(response);
    }

    /** The cows barn-summary says are housed ("the cows housed", domain.md), whatever the field is called. */
    static Set<String> housedIn(JsonNode barnSummary) {
        JsonNode state = barnSummary.path("state");
        for (String name : List.of("housed", "occupants", "cows", "housedCows")) {
            if (state.path(name).isArray()) {
                Set<String> tags = new TreeSet<>();
                state.path(name).forEach(t -> tags.add(t.isTextual() ? t.asText() : t.path("earTag").asText()));
                return tags;
            }
        }
        throw new AssertionError("barn-summary names no housed cows: " + barnSummary);
    }

    /** The ear tags animals-at lists for a location today. */
    Set<String> animalsAt(String location) {
        HttpResponse<String> response = hub.get("/api/queries/animals-at?location=" + location, key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new TreeSet<>(HubClient.json(response).path("result").path("animals").findValuesAsText("earTag"));
    }

    /** cow-summary's whole answer. */
    JsonNode cowSummary(String earTag) {
        HttpResponse<String> response = hub.get("/api/projections/cow-summary/" + earTag, key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return HubClient.json(response);
    }
}
