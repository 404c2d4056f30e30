package io.farmhub.farm.query;

import static io.farmhub.farm.query.ExampleFarm.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.farmhub.farm.Location;
import io.farmhub.farm.cow.CowSummary.TbTest;
import io.farmhub.farm.cow.TbResult;
import io.farmhub.farm.query.TbTestsDue.Animal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** tb-tests-due over the example story: on the farm and no CLEAR test in the 365 days up to asOf. */
class TbTestsDueTest {

    static final FarmStory FARM = ExampleFarm.story();
    static final TbTestsDue QUERY = new TbTestsDue();
    static final LocalDate TESTED = LocalDate.parse("2026-11-12");

    @Test
    void today_only_the_inconclusive_heifer_is_due_with_her_last_test() {
        assertThat(FARM.ask(QUERY, TODAY).result().animals()).containsExactly(new Animal(HEREFORD_HEIFER,
                Location.field("lough-field"), new TbTest(TESTED, TbResult.INCONCLUSIVE), null));
    }

    @Test
    void before_the_vet_came_every_animal_on_the_farm_was_due_and_none_had_a_test() {
        assertThat(FARM.ask(QUERY, TODAY, "asOf", "2026-11-11").result().animals())
                .extracting(Animal::earTag, Animal::lastTest)
                .containsExactly(tuple(FRIESIAN, null),
                        tuple(JERSEY, null),
                        tuple(HEREFORD_BULL, null),
                        tuple(HEREFORD_HEIFER, null));
    }

    @Test
    void a_clear_test_exactly_365_days_old_still_counts_and_a_day_later_it_does_not() {
        assertThat(FARM.ask(QUERY, TODAY, "asOf", "2027-11-12").result().animals()).extracting(Animal::earTag)
                .containsExactly(HEREFORD_HEIFER);
        assertThat(FARM.ask(QUERY, TODAY, "asOf", "2027-11-13").result().animals())
                .containsExactly(
                        new Animal(FRIESIAN, Location.barn("cubicle-house"), new TbTest(TESTED, TbResult.CLEAR), TESTED),
                        new Animal(JERSEY, Location.barn("cubicle-house"), new TbTest(TESTED, TbResult.CLEAR), TESTED),
                        new Animal(HEREFORD_HEIFER, Location.field("lough-field"),
                                new TbTest(TESTED, TbResult.INCONCLUSIVE), null));
    }

    @Test
    void a_sold_animal_is_never_due() {
        assertThat(FARM.ask(QUERY, TODAY, "asOf", "2027-12-01").result().animals()).extracting(Animal::earTag)
                .doesNotContain(HEREFORD_BULL);
    }
}
