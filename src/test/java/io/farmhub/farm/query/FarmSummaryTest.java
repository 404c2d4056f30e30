package io.farmhub.farm.query;

import static io.farmhub.farm.query.ExampleFarm.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.farmhub.farm.cow.Sex;
import io.farmhub.farm.query.FarmSummary.BarnLoad;
import io.farmhub.farm.query.FarmSummary.Summary;
import org.junit.jupiter.api.Test;

/** farm-summary over the example story: the whole farm in counts on a day. */
class FarmSummaryTest {

    static final FarmStory FARM = ExampleFarm.story();
    static final FarmSummary QUERY = new FarmSummary();

    @Test
    void today_three_cows_two_fields_with_kale_on_one_a_frosty_calf_shed_and_one_tractor_due() {
        Summary today = FARM.ask(QUERY, TODAY).result();

        assertThat(today.cattle().onFarm()).isEqualTo(3);
        assertThat(today.cattle().byLocation()).containsExactly(entry("barn:cubicle-house", 2),
                entry("field:lough-field", 1));
        assertThat(today.cattle().bySex()).containsExactly(entry(Sex.F, 3), entry(Sex.M, 0));
        assertThat(today.fields().registered()).isEqualTo(2);
        assertThat(today.fields().crops()).containsExactly(entry("kale", 1));
        assertThat(today.barns().registered()).isEqualTo(2);
        assertThat(today.barns().openAlerts()).isEqualTo(1);
        assertThat(today.barns().barns()).containsExactly(new BarnLoad("calf-shed", "Calf Shed", 0, 12, true),
                new BarnLoad("cubicle-house", "Cubicle House", 2, 60, false));
        assertThat(today.tractors()).isEqualTo(new FarmSummary.Tractors(2, 1));
    }

    @Test
    void at_the_end_of_october_four_animals_on_hazel_park_and_in_the_calf_shed_and_no_tractor_serviced() {
        Summary october = FARM.ask(QUERY, TODAY, "asOf", "2026-10-31").result();

        assertThat(october.cattle().onFarm()).isEqualTo(4);
        assertThat(october.cattle().byLocation()).containsExactly(entry("barn:calf-shed", 2),
                entry("field:hazel-park", 2));
        assertThat(october.cattle().bySex()).containsExactly(entry(Sex.F, 3), entry(Sex.M, 1));
        assertThat(october.barns().barns()).containsExactly(new BarnLoad("calf-shed", "Calf Shed", 2, 12, false),
                new BarnLoad("cubicle-house", "Cubicle House", 0, 60, false));
        assertThat(october.barns().openAlerts()).isZero();
        assertThat(october.tractors()).isEqualTo(new FarmSummary.Tractors(2, 2));
    }

    @Test
    void it_reads_every_cow_field_barn_and_tractor_stream() {
        assertThat(FARM.ask(QUERY, TODAY).sourceVersions()).hasSize(4 + 2 + 2 + 2).as("calf-shed: registered, two temperatures, two animals housed and gone")
                .contains(entry("farm/barn/calf-shed", 7L), entry("farm/field/lough-field", 3L),
                        entry("farm/tractor/" + NEW_HOLLAND, 4L));
    }
}
