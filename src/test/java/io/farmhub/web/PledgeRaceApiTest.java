package io.farmhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's pledge races through the REST API, several rounds each: a pledge is the asset's rule (domain.md,
 * "Consistency"), so two loans racing for one tractor leave it pledged once, and a sale racing a pledge of one
 * cow never both succeed. Each round's commands are sent at the same instant (a barrier, one thread each).
 */
class PledgeRaceApiTest extends ApiTestBase {

    static final int ROUNDS = 8;

    private final ExecutorService clients = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void two_loans_racing_for_one_tractor_pledge_it_once() throws Exception {
        FarmViews farm = new FarmViews(hub, MARY);
        for (int round = 0; round < ROUNDS; round++) {
            String chassis = "RACE" + (100_000 + ThreadLocalRandom.current().nextInt(900_000));
            farm.setUp(Map.of("pledge-setup-" + UUID.randomUUID(), new String[] {"RegisterTractor",
                    "{\"chassisNumber\":\"" + chassis + "\",\"make\":\"Deutz\",\"model\":\"6165\",\"year\":2021}"}));
            Map<String, String> loanOf = new LinkedHashMap<>();
            for (String loan : List.of("A", "B")) {
                loanOf.put("pledge-" + chassis + "-" + loan, "LOAN-" + chassis + "-" + loan);
            }
            Map<String, String[]> race = new LinkedHashMap<>();
            loanOf.forEach((commandId, loanId) -> race.put(commandId,
                    new String[] {"CollateraliseLoan", loan(loanId, "\"tractors\":[\"" + chassis + "\"]")}));

            Map<String, JsonNode> outcomes = atOnce(farm, race);

            List<String> accepted = new ArrayList<>();
            outcomes.forEach((commandId, status) -> {
                if (FarmViews.state(status).equals("COMPLETED")) {
                    accepted.add(loanOf.get(commandId));
                } else {
                    assertThat(FarmViews.state(status) + " " + FarmViews.code(status)).as(status.toString())
                            .isEqualTo("INVALID ALREADY_PLEDGED");
                }
            });
            assertThat(accepted).as("loans that pledged tractor %s", chassis).hasSize(1);
            List<String> pledgedOnStream = new ArrayList<>();
            for (JsonNode event : farm.stream("tractor", chassis)) {
                if (event.path("eventType").asText().equals("CollateralPledged")) {
                    pledgedOnStream.add(event.path("data").path("loanId").asText());
                }
            }
            assertThat(pledgedOnStream).as("CollateralPledged on tractor %s's stream", chassis)
                    .isEqualTo(accepted);
        }
    }

    @Test
    void a_sale_racing_a_pledge_of_one_cow_never_both_succeed() throws Exception {
        FarmViews farm = new FarmViews(hub, MARY);
        String field = "pledge-field-" + UUID.randomUUID().toString().substring(0, 8);
        farm.setUp(Map.of("pledge-setup-" + field, new String[] {"RegisterField",
                "{\"fieldCode\":\"" + field + "\",\"name\":\"F\",\"areaHectares\":2}"}));
        for (int round = 0; round < ROUNDS; round++) {
            String cow = "IE" + (1_000_000_000L + ThreadLocalRandom.current().nextLong(8_000_000_000L));
            farm.setUp(Map.of("pledge-setup-buy-" + cow, new String[] {"RecordPurchase",
                    BarnRace.purchase(cow, "field:" + field)}));
            String sale = "pledge-sell-" + cow;
            String pledge = "pledge-cow-" + cow;
            Map<String, String[]> race = new LinkedHashMap<>();
            race.put(sale, new String[] {"RecordSale", "{\"earTag\":\"" + cow + "\",\"soldOn\":\"2026-11-21\","
                    + "\"buyer\":\"Mart\",\"price\":{\"amount\":\"1200.00\",\"currency\":\"EUR\"}}"});
            race.put(pledge, new String[] {"CollateraliseLoan", loan("LOAN-" + cow, "\"cattle\":[\"" + cow + "\"]")});

            Map<String, JsonNode> outcomes = atOnce(farm, race);

            String both = FarmViews.state(outcomes.get(sale)) + " " + FarmViews.code(outcomes.get(sale)) + " / "
                    + FarmViews.state(outcomes.get(pledge)) + " " + FarmViews.code(outcomes.get(pledge));
            assertThat(both).as("sale / pledge of %s: %s", cow, outcomes)
                    .isIn("COMPLETED  / INVALID ANIMAL_NOT_ON_FARM", "INVALID ANIMAL_PLEDGED / COMPLETED ");
            List<String> onStream = new ArrayList<>();
            for (JsonNode event : farm.stream("cow", cow)) {
                String type = event.path("eventType").asText();
                if (type.equals("AnimalSold") || type.equals("CollateralPledged")) {
                    onStream.add(type);
                }
            }
            boolean saleWon = FarmViews.state(outcomes.get(sale)).equals("COMPLETED");
            assertThat(onStream).as("cow %s's stream", cow)
                    .containsExactly(saleWon ? "AnimalSold" : "CollateralPledged");
        }
    }

    /** Sends the commands at the same instant, one thread each, and waits for their outcomes. */
    private Map<String, JsonNode> atOnce(FarmViews farm, Map<String, String[]> commands) throws Exception {
        CyclicBarrier start = new CyclicBarrier(commands.size());
        List<Future<?>> sent = new ArrayList<>();
        commands.forEach((commandId, typeAndPayload) -> sent.add(clients.submit(() -> {
            start.await();
            farm.submit(typeAndPayload[0], commandId, typeAndPayload[1]);
            return null;
        })));
        for (Future<?> f : sent) {
            f.get();
        }
        return farm.outcomes(List.copyOf(commands.keySet()), Duration.ofSeconds(30));
    }

    private static String loan(String loanId, String assets) {
        return "{\"loanId\":\"" + loanId + "\",\"lender\":\"Greenfield Credit Union\",\"pledgedOn\":\"2026-11-21\","
                + assets + "}";
    }
}
