package io.farmhub.farm.query;

import static io.farmhub.farm.query.ExampleFarm.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.farmhub.farm.Location;
import io.farmhub.farm.cow.Sex;
import io.farmhub.farm.query.AnimalsAt.Animal;
import io.farmhub.farm.query.AnimalsAt.Animals;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** animals-at over the example story: who is in a field or barn on a day, and since when. */
class AnimalsAtTest {

    static final FarmStory FARM = ExampleFarm.story();
    static final AnimalsAt QUERY = new AnimalsAt();
    static final LocalDate BOUGHT = LocalDate.parse("2026-10-05");

    @Test
    void the_cubicle_house_holds_the_two_milkers_moved_in_on_3_november() {
        Animals now = FARM.ask(QUERY, TODAY, "location", "barn:cubicle-house").result();
        LocalDate housed = LocalDate.parse("2026-11-03");
        assertThat(now.location()).isEqualTo(Location.barn("cubicle-house"));
        assertThat(now.animals()).containsExactly(
                new Animal(FRIESIAN, "H778812", Sex.F, "Friesian", housed),
                new Animal(JERSEY, "H778812", Sex.F, "Jersey", housed));
    }

    @Test
    void the_calf_shed_empties_as_the_heifer_goes_out_and_the_bull_is_sold() {
        assertThat(FARM.ask(QUERY, TODAY, "location", "barn:calf-shed", "asOf", "2026-11-09").result().animals())
                .containsExactly(new Animal(HEREFORD_BULL, "H778812", Sex.M, "Hereford, polled", BOUGHT),
                        new Animal(HEREFORD_HEIFER, "H778812", Sex.F, "Hereford", BOUGHT));
        assertThat(FARM.ask(QUERY, TODAY, "location", "barn:calf-shed", "asOf", "2026-11-10").result().animals())
                .extracting(Animal::earTag).containsExactly(HEREFORD_BULL);
        assertThat(FARM.ask(QUERY, TODAY, "location", "barn:calf-shed").result().animals()).isEmpty();
    }

    @Test
    void a_location_is_read_in_any_written_form_and_echoed_in_its_normal_one() {
        QueryResult<Animals> result = FARM.ask(QUERY, TODAY, "location", " Field:Lough-Field ");
        assertThat(result.result().animals()).extracting(Animal::earTag).containsExactly(HEREFORD_HEIFER);
        assertThat(result.parameters()).containsExactly(entry("asOf", "2026-11-27"),
                entry("location", "field:lough-field"));
    }

    @Test
    void a_place_nobody_registered_holds_no_animals() {
        assertThat(FARM.ask(QUERY, TODAY, "location", "field:bog-acre").result().animals()).isEmpty();
    }
}
