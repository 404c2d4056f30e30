package io.farmhub.farm.cow;

import static io.farmhub.farm.cow.Herd.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.DomainEvent;
import io.farmhub.farm.Classification;
import io.farmhub.farm.cow.CowEvent.TBTestRecorded;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CowClassifierTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);

    private static CowSummary daisyAfter(DomainEvent... events) {
        List<DomainEvent> history = new ArrayList<>(List.of(cowBorn(DAISY)));
        history.addAll(List.of(events));
        return Herd.summary(DAISY, history);
    }

    private static TBTestRecorded tested(LocalDate on, TbResult result) {
        return new TBTestRecorded(DAISY, "TB-" + on, on, "Dr. Walsh", result);
    }

    @Test
    void born_is_on_the_farm_and_sold_or_dead_is_not() {
        CowClassifier onFarm = CowClassifier.onFarm();
        CowSummary born = daisyAfter();
        assertThat(onFarm.classify(CowSummary.empty(DAISY), born)).isEqualTo(new Classification(true, true));
        CowSummary moved = daisyAfter(moved(DAISY, NORTH_MEADOW, MAIN_BARN, AS_OF));
        assertThat(onFarm.classify(born, moved)).isEqualTo(new Classification(true, false));
        assertThat(onFarm.classify(born, daisyAfter(sold(DAISY, AS_OF)))).isEqualTo(new Classification(false, true));
        assertThat(onFarm.classify(born, daisyAfter(died(DAISY, AS_OF)))).isEqualTo(new Classification(false, true));
        assertThat(onFarm.classify(null, CowSummary.empty(DAISY))).isEqualTo(new Classification(false, false));
        assertThat(onFarm.name()).isEqualTo("on-farm");
    }

    @Test
    void at_location_follows_her_moves() {
        CowClassifier inBarn = CowClassifier.atLocation(MAIN_BARN);
        CowSummary born = daisyAfter();
        CowSummary housed = daisyAfter(moved(DAISY, NORTH_MEADOW, MAIN_BARN, AS_OF));
        assertThat(inBarn.classify(born, housed)).isEqualTo(new Classification(true, true));
        assertThat(CowClassifier.atLocation(NORTH_MEADOW).classify(born, housed))
                .isEqualTo(new Classification(false, true));
        assertThat(inBarn.includes(daisyAfter(moved(DAISY, NORTH_MEADOW, MAIN_BARN, AS_OF), sold(DAISY, AS_OF))))
                .isFalse();
        assertThat(inBarn.name()).isEqualTo("at-location(barn:main-barn)");
    }

    @Test
    void a_cow_never_tested_is_due() {
        assertThat(CowClassifier.tbTestDue(AS_OF).includes(daisyAfter())).isTrue();
    }

    @Test
    void a_clear_test_exactly_365_days_old_still_counts() {
        assertThat(CowClassifier.tbTestDue(AS_OF).includes(daisyAfter(tested(AS_OF.minusDays(365), TbResult.CLEAR))))
                .isFalse();
    }

    @Test
    void a_clear_test_366_days_old_makes_her_due() {
        assertThat(CowClassifier.tbTestDue(AS_OF).includes(daisyAfter(tested(AS_OF.minusDays(366), TbResult.CLEAR))))
                .isTrue();
    }

    @Test
    void a_clear_test_on_the_day_counts() {
        assertThat(CowClassifier.tbTestDue(AS_OF).includes(daisyAfter(tested(AS_OF, TbResult.CLEAR)))).isFalse();
    }

    @Test
    void a_clear_test_after_as_of_does_not_count() {
        assertThat(CowClassifier.tbTestDue(AS_OF).includes(daisyAfter(tested(AS_OF.plusDays(1), TbResult.CLEAR))))
                .isTrue();
    }

    @Test
    void only_a_clear_result_counts() {
        CowClassifier due = CowClassifier.tbTestDue(AS_OF);
        assertThat(due.includes(daisyAfter(tested(AS_OF.minusDays(10), TbResult.REACTOR)))).isTrue();
        assertThat(due.includes(daisyAfter(tested(AS_OF.minusDays(10), TbResult.INCONCLUSIVE)))).isTrue();
        assertThat(due.includes(daisyAfter(tested(AS_OF.minusDays(100), TbResult.CLEAR),
                tested(AS_OF.minusDays(10), TbResult.REACTOR)))).isFalse();
    }

    @Test
    void an_animal_off_the_farm_is_never_due() {
        assertThat(CowClassifier.tbTestDue(AS_OF).includes(daisyAfter(sold(DAISY, AS_OF)))).isFalse();
    }

    @Test
    void a_test_changes_whether_she_is_due() {
        CowClassifier due = CowClassifier.tbTestDue(AS_OF);
        assertThat(due.classify(daisyAfter(), daisyAfter(tested(AS_OF, TbResult.CLEAR))))
                .isEqualTo(new Classification(false, true));
    }

    @Test
    void pledged_to_a_loan_until_released_even_after_death() {
        CowClassifier loan7 = CowClassifier.pledged("LOAN-7");
        CowSummary pledgedDaisy = daisyAfter(pledged("LOAN-7"));
        assertThat(loan7.classify(daisyAfter(), pledgedDaisy)).isEqualTo(new Classification(true, true));
        assertThat(CowClassifier.pledged("LOAN-8").includes(pledgedDaisy)).isFalse();
        assertThat(loan7.includes(daisyAfter(pledged("LOAN-7"), died(DAISY, AS_OF)))).isTrue();
        assertThat(loan7.classify(pledgedDaisy, daisyAfter(pledged("LOAN-7"), released("LOAN-7"))))
                .isEqualTo(new Classification(false, true));
    }
}
