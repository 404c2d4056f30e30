package io.farmhub.farm.cow;

import static io.farmhub.core.ErrorCode.ANIMAL_NOT_ON_FARM;
import static io.farmhub.core.ErrorCode.DATE_IN_FUTURE;
import static io.farmhub.core.ErrorCode.MALFORMED;
import static io.farmhub.farm.cow.Herd.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.Decision;
import io.farmhub.core.Rejection;
import io.farmhub.core.StreamChange;
import io.farmhub.core.Versioned;
import io.farmhub.farm.cow.CowCommand.RecordTBInspection;
import io.farmhub.farm.cow.CowCommand.RecordTBInspection.Result;
import io.farmhub.farm.cow.CowEvent.TBTestRecorded;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A TB inspection touches every tested animal's stream at once, so these tests give one state per animal. */
class RecordTBInspectionTest {

    private static final LocalDate TESTED_ON = LocalDate.of(2026, 11, 24);

    private static RecordTBInspection inspection(Result... results) {
        return new RecordTBInspection("TB-2026-11", TESTED_ON, "Dr. Walsh", List.of(results));
    }

    /** As the pipeline runs it: validated once, then decided with the tested cows as facts (no stream of its own). */
    private static Decision tb(RecordTBInspection c, List<Versioned<Cow>> tested) {
        return validated(c, () -> CowDecider.decide(c, null, CowFacts.inspection(tested)));
    }

    private static TBTestRecorded recorded(String tag, TbResult result) {
        return new TBTestRecorded(tag, "TB-2026-11", TESTED_ON, "Dr. Walsh", result);
    }

    @Test
    void every_tested_animal_gets_its_result_on_its_own_stream() {
        Versioned<Cow> daisy = state(DAISY, cowBorn(DAISY));
        Versioned<Cow> bruno = state(BRUNO, bullBorn(BRUNO), moved(BRUNO, NORTH_MEADOW, MAIN_BARN, TESTED_ON));
        Decision d = tb(inspection(new Result(DAISY, TbResult.CLEAR),
                new Result(BRUNO, TbResult.INCONCLUSIVE)), List.of(daisy, bruno));

        assertThat(d).isInstanceOf(Decision.Accepted.class);
        Decision.Accepted accepted = (Decision.Accepted) d;
        assertThat(accepted.changes()).containsExactly(
                new StreamChange(daisy.stream(), 1, List.of(recorded(DAISY, TbResult.CLEAR))),
                new StreamChange(bruno.stream(), 2, List.of(recorded(BRUNO, TbResult.INCONCLUSIVE))));
        assertThat(accepted.reads()).containsEntry(daisy.stream(), 1L).containsEntry(bruno.stream(), 2L).hasSize(2);
    }

    @Test
    void one_animal_not_on_the_farm_rejects_the_whole_inspection() {
        Decision d = tb(inspection(new Result(DAISY, TbResult.CLEAR), new Result(BELLA,
                TbResult.REACTOR)), List.of(state(DAISY, cowBorn(DAISY)), state(BELLA)));

        assertThat(d).isInstanceOf(Decision.Rejected.class);
        assertThat(((Decision.Rejected) d).rejections()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(ANIMAL_NOT_ON_FARM);
            assertThat(r.field()).isEqualTo("results[1].earTag");
            assertThat(r.message()).contains(BELLA);
        });
    }

    @Test
    void every_failing_animal_is_listed() {
        Decision d = tb(inspection(new Result(BELLA, TbResult.CLEAR),
                new Result(DAISY, TbResult.CLEAR), new Result(BRUNO, TbResult.CLEAR)),
                List.of(state(BELLA), state(DAISY, cowBorn(DAISY)),
                        state(BRUNO, bullBorn(BRUNO), sold(BRUNO, TESTED_ON.minusDays(1)))));

        assertThat(((Decision.Rejected) d).rejections()).extracting(Rejection::code, Rejection::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ANIMAL_NOT_ON_FARM, "results[0].earTag"),
                        org.assertj.core.groups.Tuple.tuple(ANIMAL_NOT_ON_FARM, "results[2].earTag"));
    }

    @Test
    void an_animal_listed_twice_is_malformed() {
        Decision d = tb(inspection(new Result(DAISY, TbResult.CLEAR), new Result(DAISY,
                TbResult.REACTOR)), List.of(state(DAISY, cowBorn(DAISY)), state(DAISY, cowBorn(DAISY))));

        assertThat(((Decision.Rejected) d).rejections()).extracting(Rejection::code, Rejection::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MALFORMED, "results[1].earTag"));
    }

    @Test
    void an_inspection_without_results_is_malformed() {
        Decision d = tb(inspection(), List.of());
        assertThat(((Decision.Rejected) d).rejections()).extracting(Rejection::field).containsExactly("results");
    }

    @Test
    void an_inspection_dated_in_the_future_is_rejected() {
        RecordTBInspection tomorrow = new RecordTBInspection("TB-1", TODAY.plusDays(1), "Dr. Walsh",
                List.of(new Result(DAISY, TbResult.CLEAR)));
        Decision d = tb(tomorrow, List.of(state(DAISY, cowBorn(DAISY))));
        assertThat(((Decision.Rejected) d).rejections()).extracting(Rejection::code).containsExactly(DATE_IN_FUTURE);
    }
}
