package io.farmhub.web;

import io.farmhub.azure.Azurite;
import io.farmhub.intake.TwoHubs;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The barn race of {@link BarnRaceApiTest} with two hub instances (azure profile, each its own Spring and Camel
 * context) on one Azurite account: half the racing clients talk to each hub, so the two hubs decide moves into
 * one barn side by side. Neither hub has Event Grid here, so each read side learns of the other hub's appends by
 * reconciliation, fired every second.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BarnRaceTwoHubsTest {

    // One round per case: two hubs on Azurite cost ~25 s a round once every view is awaited (CI budget).
    static final int ROUNDS = 1;
    private static final String KEY = "mary-key";

    private final TwoHubs hubs = new TwoHubs();
    private final String snapshots = Azurite.uniqueContainerName("race-snapshots");
    private ConfigurableApplicationContext hubA;
    private ConfigurableApplicationContext hubB;

    @BeforeAll
    void startBothHubs() {
        hubA = start("race-hub-a");
        hubB = start("race-hub-b");
    }

    private ConfigurableApplicationContext start(String name) {
        return hubs.start(name, "farmhub.schedules.reconciliation.cron=* * * * * ?",
                "farmhub.projections.container=" + snapshots);
    }

    @AfterAll
    void stopBothHubs() {
        if (hubA != null) {
            hubA.close();
        }
        if (hubB != null) {
            hubB.close();
        }
    }

    @ParameterizedTest(name = "{0} cows racing for {1} places over two hubs")
    @CsvSource({"12, 2", "8, 1"})
    void exactly_capacity_cows_are_housed_and_every_view_agrees(int cows, int capacity) throws Exception {
        BarnRace race = new BarnRace(List.of(views(hubA), views(hubB)));
        for (int round = 0; round < ROUNDS; round++) {
            race.round(cows, capacity);
        }
    }

    private static FarmViews views(ConfigurableApplicationContext hub) {
        int port = Integer.parseInt(hub.getEnvironment().getProperty("local.server.port"));
        return new FarmViews(new HubClient(port), KEY);
    }
}
