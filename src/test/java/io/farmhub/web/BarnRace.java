package io.farmhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;

/**
 * One round of the barn race (issue 10): {@code cows} different cows, on the farm in one field, are moved at the
 * same instant (a barrier, one thread each) into a new barn with room for {@code capacity}. The clients are dealt
 * round-robin over the hubs given, so with two hubs half of them talk to each. Then, by domain.md's
 * "Consistency": exactly {@code capacity} moves are accepted, every other is INVALID with BARN_FULL (the loser of
 * the race for the last place is decided again and finds the barn full, so CONFLICT is not a final answer here),
 * and the barn's own stream, barn-summary, animals-at and each cow's cow-summary all tell the same story.
 */
final class BarnRace {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final List<FarmViews> hubs;

    BarnRace(List<FarmViews> hubs) {
        this.hubs = List.copyOf(hubs);
    }

    void round(int cows, int capacity) throws Exception {
        FarmViews farm = hubs.get(0);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String barn = "race-barn-" + suffix;
        String field = "race-field-" + suffix;
        long firstTag = 1_000_000_000L + ThreadLocalRandom.current().nextLong(8_000_000_000L);
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < cows; i++) {
            tags.add("IE" + (firstTag + i));
        }

        Map<String, String[]> setup = new LinkedHashMap<>();
        setup.put("race-setup-barn-" + suffix, new String[] {"RegisterBarn",
                "{\"barnCode\":\"" + barn + "\",\"name\":\"Race shed\",\"capacity\":" + capacity + "}"});
        setup.put("race-setup-field-" + suffix, new String[] {"RegisterField",
                "{\"fieldCode\":\"" + field + "\",\"name\":\"Race field\",\"areaHectares\":3}"});
        farm.setUp(setup);
        Map<String, String[]> purchases = new LinkedHashMap<>();
        for (String tag : tags) {
            purchases.put("race-setup-buy-" + tag, new String[] {"RecordPurchase", purchase(tag, "field:" + field)});
        }
        farm.setUp(purchases);

        Map<String, String> cowOf = new LinkedHashMap<>();
        for (String tag : tags) {
            cowOf.put("race-move-" + suffix + "-" + tag, tag);
        }
        List<String> moves = List.copyOf(cowOf.keySet());
        CyclicBarrier start = new CyclicBarrier(cows);
        ExecutorService clients = Executors.newFixedThreadPool(cows);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < cows; i++) {
                FarmViews client = hubs.get(i % hubs.size());
                String commandId = moves.get(i);
                sent.add(clients.submit(() -> {
                    start.await();
                    client.submit("RelocateAnimal", commandId, "{\"earTag\":\"" + cowOf.get(commandId)
                            + "\",\"to\":\"barn:" + barn + "\",\"movedOn\":\"2026-11-20\"}");
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }

        Map<String, JsonNode> outcomes = farm.outcomes(moves, PATIENCE);
        Set<String> housed = new TreeSet<>();
        SoftAssertions outcome = new SoftAssertions();
        outcomes.forEach((commandId, status) -> {
            if (FarmViews.state(status).equals("COMPLETED")) {
                housed.add(cowOf.get(commandId));
            } else {
                outcome.assertThat(FarmViews.state(status) + " " + FarmViews.code(status)).as(status.toString())
                        .isEqualTo("INVALID BARN_FULL");
            }
        });
        outcome.assertThat(housed).as("cows moved into %s (capacity %d) of %d racing", barn, capacity, cows)
                .hasSize(capacity);
        outcome.assertAll();

        List<Set<String>> barnVersions = farm.housedByVersion(barn);
        for (int v = 0; v < barnVersions.size(); v++) {
            assertThat(barnVersions.get(v)).as("barn %s housed at version %d", barn, v + 1).hasSizeLessThanOrEqualTo(
                    capacity);
        }
        assertThat(barnVersions.get(barnVersions.size() - 1)).as("housed on barn %s's own stream", barn)
                .isEqualTo(housed);

        // Each hub's read side folds asynchronously: wait until it has caught up with the streams, then it must agree.
        for (int h = 0; h < hubs.size(); h++) {
            FarmViews reader = hubs.get(h);
            String which = hubs.size() == 1 ? "" : " on hub " + (h + 1);
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                SoftAssertions views = new SoftAssertions();
                JsonNode summary = reader.barnSummary(barn);
                views.assertThat(summary.path("state").path("occupancy").asInt()).as("barn-summary occupancy" + which)
                        .isEqualTo(capacity);
                views.assertThat(FarmViews.housedIn(summary)).as("barn-summary housed" + which).isEqualTo(housed);
                views.assertThat(reader.animalsAt("barn:" + barn)).as("animals-at barn:%s%s", barn, which)
                        .isEqualTo(housed);
                for (String tag : tags) {
                    String expected = housed.contains(tag) ? "barn:" + barn : "field:" + field;
                    views.assertThat(reader.cowSummary(tag).at("/state/location").asText())
                            .as("cow-summary %s%s", tag, which).isEqualTo(expected);
                }
                views.assertAll();
            });
        }
    }

    static String purchase(String tag, String location) {
        return "{\"earTag\":\"" + tag + "\",\"herdNumber\":\"H1\",\"sex\":\"F\",\"breed\":\"Angus\","
                + "\"bornOn\":\"2024-01-01\",\"purchasedOn\":\"2026-11-02\",\"seller\":\"Kelly\","
                + "\"price\":{\"amount\":\"1000.00\",\"currency\":\"EUR\"},\"location\":\"" + location + "\"}";
    }
}
