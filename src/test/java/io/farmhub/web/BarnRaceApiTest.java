package io.farmhub.web;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 10's barn race through the REST API on the embedded hub (SQLite): N different cows moved at once into a
 * barn with room for k, several rounds of each (N, k). See {@link BarnRace} for what must hold.
 */
class BarnRaceApiTest extends ApiTestBase {

    static final int ROUNDS = 3;

    @ParameterizedTest(name = "{0} cows racing for {1} places")
    @CsvSource({"12, 2", "20, 5", "8, 1"})
    void exactly_capacity_cows_are_housed_and_every_view_agrees(int cows, int capacity) throws Exception {
        BarnRace race = new BarnRace(List.of(new FarmViews(hub, MARY)));
        for (int round = 0; round < ROUNDS; round++) {
            race.round(cows, capacity);
        }
    }
}
