package io.farmhub.farm.cow;

import static io.farmhub.farm.cow.Herd.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.DomainEvent;
import io.farmhub.core.EventEnvelope;
import io.farmhub.farm.cow.CowEvent.*;
import io.farmhub.farm.cow.CowSummary.Status;
import io.farmhub.farm.cow.CowSummary.TbTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CowSummaryTest {

    private static MilkRecorded milk(String at, String litres) {
        return new MilkRecorded(DAISY, Instant.parse(at), new BigDecimal(litres));
    }

    private static TBTestRecorded test(LocalDate on, TbResult result) {
        return new TBTestRecorded(DAISY, "TB-" + on, on, "Dr. Walsh", result);
    }

    @Test
    void a_born_animal_is_on_the_farm_with_her_particulars() {
        CowSummary s = Herd.summary(DAISY, List.of(cowBorn(DAISY)));
        assertThat(s).isEqualTo(new CowSummary(DAISY, 1, Status.ON_FARM, NORTH_MEADOW, Sex.F, "Friesian",
                LocalDate.of(2022, 3, 1), "HN-1234", null, null, 0, null, new java.util.TreeMap<>(),
                new java.util.TreeSet<>()));
    }

    @Test
    void a_move_changes_her_location_and_leaving_clears_it() {
        LocalDate on = LocalDate.of(2026, 11, 20);
        assertThat(Herd.summary(DAISY, List.of(cowBorn(DAISY), moved(DAISY, NORTH_MEADOW, MAIN_BARN, on)))
                .location()).isEqualTo(MAIN_BARN);
        CowSummary sold = Herd.summary(DAISY, List.of(cowBorn(DAISY), sold(DAISY, on)));
        assertThat(sold.status()).isEqualTo(Status.SOLD);
        assertThat(sold.location()).isNull();
        assertThat(Herd.summary(DAISY, List.of(cowBorn(DAISY), died(DAISY, on))).status()).isEqualTo(Status.DIED);
    }

    @Test
    void the_last_tb_test_is_the_latest_by_date_even_when_an_older_one_is_entered_late() {
        LocalDate march = LocalDate.of(2026, 3, 1);
        LocalDate june = LocalDate.of(2026, 6, 1);
        CowSummary s = Herd.summary(DAISY, List.of(cowBorn(DAISY), test(june, TbResult.REACTOR),
                test(march, TbResult.CLEAR)));
        assertThat(s.lastTbTest()).isEqualTo(new TbTest(june, TbResult.REACTOR));
        assertThat(s.lastClearTbTestOn()).isEqualTo(march);
    }

    @Test
    void inseminations_are_counted_and_the_last_service_kept() {
        LocalDate first = LocalDate.of(2026, 5, 1);
        LocalDate second = LocalDate.of(2026, 5, 22);
        CowSummary s = Herd.summary(DAISY, List.of(cowBorn(DAISY),
                new AnimalInseminated(DAISY, second, "J. Murphy", "FR1"),
                new AnimalInseminated(DAISY, first, "J. Murphy", "FR1")));
        assertThat(s.inseminations()).isEqualTo(2);
        assertThat(s.lastServedOn()).isEqualTo(second);
    }

    @Test
    void milk_today_and_over_the_last_seven_days_are_counted_from_as_of() {
        CowSummary s = Herd.summary(DAISY, List.of(cowBorn(DAISY),
                milk("2026-11-19T06:00:00Z", "9.0"), // 8 days before the 27th: outside the 7 days
                milk("2026-11-21T06:00:00Z", "10.5"), // first of the 7 days
                milk("2026-11-27T06:00:00Z", "12.4"),
                milk("2026-11-27T17:30:00Z", "11.6")));
        LocalDate asOf = LocalDate.of(2026, 11, 27);
        assertThat(s.litresToday(asOf)).isEqualByComparingTo("24.0");
        assertThat(s.litresLast7Days(asOf)).isEqualByComparingTo("34.5");
        assertThat(s.litresToday(asOf.minusDays(1))).isEqualByComparingTo("0");
        assertThat(s.litresLast7Days(asOf.minusDays(1))).isEqualByComparingTo("10.5");
        assertThat(s.litresLast7Days(asOf.minusDays(2))).isEqualByComparingTo("19.5");
    }

    @Test
    void a_milking_counts_on_its_utc_day() {
        CowSummary s = Herd.summary(DAISY, List.of(cowBorn(DAISY), milk("2026-11-26T23:59:59Z", "5"),
                milk("2026-11-27T00:00:00Z", "7")));
        assertThat(s.litresToday(LocalDate.of(2026, 11, 26))).isEqualByComparingTo("5");
        assertThat(s.litresToday(LocalDate.of(2026, 11, 27))).isEqualByComparingTo("7");
    }

    @Test
    void only_the_recent_days_of_milk_are_kept() {
        CowSummary s = Herd.summary(DAISY, List.of(cowBorn(DAISY), milk("2026-10-27T06:00:00Z", "1"),
                milk("2026-10-28T06:00:00Z", "2"), milk("2026-11-27T06:00:00Z", "3")));
        assertThat(s.dailyLitres()).containsOnlyKeys(LocalDate.of(2026, 10, 28), LocalDate.of(2026, 11, 27));
        assertThat(s.dailyLitres()).hasSize(2);
    }

    @Test
    void pledges_come_and_go_with_the_loan_events() {
        CowSummary s = Herd.summary(DAISY, List.of(cowBorn(DAISY), pledged("LOAN-2"), pledged("LOAN-1"),
                released("LOAN-2")));
        assertThat(s.pledgedTo()).containsExactly("LOAN-1");
    }

    @Test
    void an_envelope_already_seen_changes_nothing() {
        List<DomainEvent> history = List.of(cowBorn(DAISY), milk("2026-11-27T06:00:00Z", "3"));
        List<EventEnvelope> envelopes = Herd.envelopes(DAISY, history);
        CowSummary s = Herd.summary(DAISY, history);
        assertThat(CowSummary.apply(s, envelopes.get(1), history.get(1))).isSameAs(s);
        assertThat(CowSummary.apply(s, envelopes.get(0), history.get(0))).isSameAs(s);
    }

    @Test
    void an_event_the_summary_ignores_still_advances_its_version() {
        AnimalInseminated served = new AnimalInseminated(DAISY, LocalDate.of(2026, 5, 1), "J. Murphy", "FR1");
        EventEnvelope third = Herd.envelopes(DAISY, List.of(cowBorn(DAISY), served, served)).get(2);
        CowSummary s = CowSummary.apply(Herd.summary(DAISY, List.of(cowBorn(DAISY), served)), third, "unknown");
        assertThat(s.version()).isEqualTo(3);
        assertThat(s.inseminations()).isEqualTo(1);
    }
}
