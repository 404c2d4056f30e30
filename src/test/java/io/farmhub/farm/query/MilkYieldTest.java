package io.farmhub.farm.query;

import static io.farmhub.farm.query.ExampleFarm.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.farm.query.MilkYield.CowYield;
import io.farmhub.farm.query.MilkYield.Day;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * milk-yield over the example story: the Friesian gave 13.6 + 12.2 L on the 26th and 14.0 L on the 27th, the
 * Jersey 11.9 L and 12.5 L (UTC days, both ends of the range included).
 */
class MilkYieldTest {

    static final FarmStory FARM = ExampleFarm.story();
    static final MilkYield QUERY = new MilkYield();
    static final LocalDate DAY_26 = LocalDate.parse("2026-11-26");
    static final LocalDate DAY_27 = LocalDate.parse("2026-11-27");

    static Day day(LocalDate day, String litres) {
        return new Day(day, new BigDecimal(litres));
    }

    @Test
    void litres_per_cow_per_day_over_two_days() {
        assertThat(FARM.ask(QUERY, TODAY, "from", "2026-11-26", "to", "2026-11-27").result().cows()).containsExactly(
                new CowYield(FRIESIAN, new BigDecimal("39.8"), List.of(day(DAY_26, "25.8"), day(DAY_27, "14.0"))),
                new CowYield(JERSEY, new BigDecimal("24.4"), List.of(day(DAY_26, "11.9"), day(DAY_27, "12.5"))));
    }

    @Test
    void one_day_is_a_range_from_and_to_that_day() {
        assertThat(FARM.ask(QUERY, TODAY, "from", "2026-11-27", "to", "2026-11-27").result().cows()).containsExactly(
                new CowYield(FRIESIAN, new BigDecimal("14.0"), List.of(day(DAY_27, "14.0"))),
                new CowYield(JERSEY, new BigDecimal("12.5"), List.of(day(DAY_27, "12.5"))));
    }

    @Test
    void one_cow_reads_only_her_stream() {
        QueryResult<MilkYield.Yield> jersey = FARM.ask(QUERY, TODAY, "from", "2026-11-01", "to", "2026-11-30",
                "earTag", "IE2201334 0008");
        assertThat(jersey.result().cows()).containsExactly(
                new CowYield(JERSEY, new BigDecimal("24.4"), List.of(day(DAY_26, "11.9"), day(DAY_27, "12.5"))));
        assertThat(jersey.sourceVersions()).containsOnlyKeys("farm/cow/" + JERSEY);
    }

    @Test
    void a_range_without_milkings_lists_no_cow() {
        assertThat(FARM.ask(QUERY, TODAY, "from", "2026-10-01", "to", "2026-11-25").result().cows()).isEmpty();
    }
}
