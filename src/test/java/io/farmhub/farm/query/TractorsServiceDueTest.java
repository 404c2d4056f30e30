package io.farmhub.farm.query;

import static io.farmhub.farm.query.ExampleFarm.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.farm.query.TractorsServiceDue.DueTractor;
import io.farmhub.farm.tractor.Tractor;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * tractors-service-due over the example story: the Massey serviced on 4 November at 812.5 h (815.2 h since),
 * the New Holland on 6 November at 2140 h, whose meter reads 2390.0 h on the 27th.
 */
class TractorsServiceDueTest {

    static final FarmStory FARM = ExampleFarm.story();
    static final TractorsServiceDue QUERY = new TractorsServiceDue();

    @Test
    void today_the_new_holland_has_run_exactly_250_hours_since_its_service_and_is_due() {
        assertThat(FARM.ask(QUERY, TODAY).result().tractors()).containsExactly(new DueTractor(NEW_HOLLAND,
                "New Holland", "T5.120", new BigDecimal("2390.0"),
                new Tractor.Service(LocalDate.parse("2026-11-06"), new BigDecimal("2140")), new BigDecimal("250.0")));
    }

    @Test
    void the_day_before_the_reading_nothing_was_due() {
        assertThat(FARM.ask(QUERY, TODAY, "asOf", "2026-11-26").result().tractors()).isEmpty();
    }

    @Test
    void before_their_first_service_both_tractors_were_due() {
        assertThat(FARM.ask(QUERY, TODAY, "asOf", "2026-11-03").result().tractors())
                .containsExactly(new DueTractor(MASSEY, "Massey Ferguson", "7S.165", null, null, null),
                        new DueTractor(NEW_HOLLAND, "New Holland", "T5.120", null, null, null));
    }

    @Test
    void a_service_exactly_365_days_old_is_not_yet_due_and_a_day_later_it_is() {
        assertThat(FARM.ask(QUERY, TODAY, "asOf", "2027-11-04").result().tractors()).extracting(DueTractor::chassisNumber)
                .containsExactly(NEW_HOLLAND);
        assertThat(FARM.ask(QUERY, TODAY, "asOf", "2027-11-05").result().tractors()).extracting(DueTractor::chassisNumber)
                .containsExactly(MASSEY, NEW_HOLLAND);
    }
}
