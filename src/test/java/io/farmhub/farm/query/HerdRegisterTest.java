package io.farmhub.farm.query;

import static io.farmhub.farm.query.ExampleFarm.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.farmhub.farm.Location;
import io.farmhub.farm.cow.Sex;
import io.farmhub.farm.query.HerdRegister.Animal;
import io.farmhub.farm.query.HerdRegister.Register;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** herd-register over the example story: the cows on the farm on a day, sorted by ear tag. */
class HerdRegisterTest {

    static final FarmStory FARM = ExampleFarm.story();
    static final HerdRegister QUERY = new HerdRegister();

    static Animal friesianAt(Location where) {
        return new Animal(FRIESIAN, "H778812", Sex.F, "Friesian", LocalDate.parse("2022-02-11"), where);
    }

    static Animal jerseyAt(Location where) {
        return new Animal(JERSEY, "H778812", Sex.F, "Jersey", LocalDate.parse("2022-03-02"), where);
    }

    static Animal heiferAt(Location where) {
        return new Animal(HEREFORD_HEIFER, "H778812", Sex.F, "Hereford", LocalDate.parse("2024-06-01"), where);
    }

    @Test
    void today_the_register_lists_the_three_cows_still_here_where_they_are_now() {
        QueryResult<Register> today = FARM.ask(QUERY, TODAY);

        assertThat(today.result().animals()).containsExactly(
                friesianAt(Location.barn("cubicle-house")),
                jerseyAt(Location.barn("cubicle-house")),
                heiferAt(Location.field("lough-field")));
        assertThat(today.asOf()).isEqualTo(TODAY);
        assertThat(today.knownAt()).isNull();
        assertThat(today.parameters()).containsExactly(entry("asOf", "2026-11-27"));
    }

    @Test
    void the_october_report_lists_all_four_bought_animals_where_they_were_on_the_31st() {
        QueryResult<Register> october = FARM.ask(QUERY, TODAY, "asOf", "2026-10-31");

        assertThat(october.result().animals()).containsExactly(
                friesianAt(Location.field("hazel-park")),
                jerseyAt(Location.field("hazel-park")),
                new Animal(HEREFORD_BULL, "H778812", Sex.M, "Hereford, polled", LocalDate.parse("2024-05-19"),
                        Location.barn("calf-shed")),
                heiferAt(Location.barn("calf-shed")));
    }

    @Test
    void a_sold_animal_leaves_the_register_on_the_day_of_the_sale() {
        assertThat(FARM.ask(QUERY, TODAY, "asOf", "2026-11-19").result().animals())
                .extracting(Animal::earTag).contains(HEREFORD_BULL);
        assertThat(FARM.ask(QUERY, TODAY, "asOf", "2026-11-20").result().animals())
                .extracting(Animal::earTag).doesNotContain(HEREFORD_BULL);
    }

    @Test
    void the_result_names_every_cow_stream_it_read_with_its_version() {
        assertThat(FARM.ask(QUERY, TODAY).sourceVersions()).containsExactly(
                entry("farm/cow/" + FRIESIAN, 6L),
                entry("farm/cow/" + JERSEY, 6L),
                entry("farm/cow/" + HEREFORD_BULL, 3L),
                entry("farm/cow/" + HEREFORD_HEIFER, 3L));
    }
}
