package io.farmhub.farm.query;

import static io.farmhub.farm.query.ExampleFarm.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.farmhub.farm.cow.Sex;
import io.farmhub.farm.query.FarmSummary.BarnLoad;
import io.farmhub.farm.query.FarmSummary.Summary;
import org.junit.jupiter.api.Test;

/**
 * asOf before an animal (or anything) existed: the example herd was bought on 5 October 2026, the farm set up
 * on 1 June. Asked about earlier days, every query answers from what existed then, which may be nothing.
 */
class BeforeAnAnimalExistedTest {

    static final FarmStory FARM = ExampleFarm.story();
    static final String DAY_BEFORE_PURCHASE = "2026-10-04";

    @Test
    void the_herd_register_is_empty_the_day_before_the_purchase_yet_names_the_streams_it_read() {
        QueryResult<HerdRegister.Register> register = FARM.ask(new HerdRegister(), TODAY, "asOf", DAY_BEFORE_PURCHASE);
        assertThat(register.result().animals()).isEmpty();
        assertThat(register.sourceVersions()).hasSize(4);
    }

    @Test
    void an_animal_has_no_history_before_she_came() {
        assertThat(FARM.ask(new AnimalHistory(), TODAY, "earTag", FRIESIAN, "asOf", DAY_BEFORE_PURCHASE).result()
                .events()).isEmpty();
        assertThat(FARM.ask(new AnimalHistory(), TODAY, "earTag", FRIESIAN, "asOf", "2026-10-05").result()
                .events()).extracting(AnimalHistory.Entry::eventType).containsExactly("AnimalPurchased");
    }

    @Test
    void an_animal_not_yet_here_is_neither_somewhere_nor_due_a_test() {
        assertThat(FARM.ask(new AnimalsAt(), TODAY, "location", "field:hazel-park", "asOf", DAY_BEFORE_PURCHASE)
                .result().animals()).isEmpty();
        assertThat(FARM.ask(new TbTestsDue(), TODAY, "asOf", DAY_BEFORE_PURCHASE).result().animals()).isEmpty();
        assertThat(FARM.ask(new LoanCollateral(), TODAY, "loanId", "GF-2026-017", "asOf", DAY_BEFORE_PURCHASE)
                .result().cattle()).isEmpty();
    }

    @Test
    void the_farm_before_the_herd_came_has_fields_barns_and_tractors_but_no_cattle() {
        Summary before = FARM.ask(new FarmSummary(), TODAY, "asOf", DAY_BEFORE_PURCHASE).result();
        assertThat(before.cattle().onFarm()).isZero();
        assertThat(before.cattle().byLocation()).isEmpty();
        assertThat(before.cattle().bySex()).containsExactly(entry(Sex.F, 0), entry(Sex.M, 0));
        assertThat(before.fields().crops()).containsExactly(entry("kale", 1));
        assertThat(before.barns().barns()).containsExactly(new BarnLoad("calf-shed", "Calf Shed", 0, 12, false),
                new BarnLoad("cubicle-house", "Cubicle House", 0, 60, false));
        assertThat(before.tractors()).isEqualTo(new FarmSummary.Tractors(2, 2));
    }

    @Test
    void before_the_farm_was_set_up_or_before_anything_was_recorded_there_is_nothing() {
        Summary beforeSetUp = FARM.ask(new FarmSummary(), TODAY, "asOf", "2026-05-31").result();
        Summary knownBeforeSetUp = FARM.ask(new FarmSummary(), TODAY, "knownAt", "2026-06-01T08:59:59Z").result();
        for (Summary nothing : new Summary[] {beforeSetUp, knownBeforeSetUp}) {
            assertThat(nothing.cattle().onFarm()).isZero();
            assertThat(nothing.fields().registered()).isZero();
            assertThat(nothing.barns().registered()).isZero();
            assertThat(nothing.tractors()).isEqualTo(new FarmSummary.Tractors(0, 0));
        }
    }
}
