package io.farmhub.farm.loan;

import static io.farmhub.core.ErrorCode.ALREADY_PLEDGED;
import static io.farmhub.core.ErrorCode.ANIMAL_NOT_ON_FARM;
import static io.farmhub.core.ErrorCode.DATE_IN_FUTURE;
import static io.farmhub.core.ErrorCode.MALFORMED;
import static io.farmhub.core.ErrorCode.UNKNOWN_LOAN;
import static io.farmhub.core.ErrorCode.UNKNOWN_LOCATION;
import static io.farmhub.core.ErrorCode.UNKNOWN_TRACTOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.Decision;
import io.farmhub.core.Rejection;
import io.farmhub.core.StreamChange;
import io.farmhub.core.StreamId;
import io.farmhub.farm.loan.LoanCommand.CollateraliseLoan;
import io.farmhub.farm.loan.LoanCommand.ReleaseCollateral;
import io.farmhub.farm.loan.LoanEvent.CollateralPledged;
import io.farmhub.farm.loan.LoanEvent.CollateralReleased;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The loan rules over per-asset facts, as the handlers hand them over. */
class LoanDeciderTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-27");
    static final LocalDate PLEDGED_ON = LocalDate.parse("2026-11-20");
    static final String TRACTOR = "JD6R155X001234";
    static final String FIELD = "north-meadow";
    static final String COW = "IE12345670012";

    static Asset asset(String aggregate, String key, long version, boolean exists, String... loans) {
        return new Asset(StreamId.farm(aggregate, key), version, exists, Set.of(loans));
    }

    static CollateraliseLoan pledge(List<String> tractors, List<String> fields, List<String> cattle) {
        return new CollateraliseLoan("L-2026-7", "AIB", PLEDGED_ON, tractors, fields, cattle);
    }

    static List<Rejection> rejected(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected) decision).rejections();
    }

    @Test
    void pledging_appends_collateral_pledged_to_every_asset_and_reads_each_at_its_version() {
        Decision decision = LoanRules.decide(pledge(List.of(TRACTOR), List.of(FIELD), List.of(COW)),
                List.of(asset("tractor", TRACTOR, 3, true)), List.of(asset("field", FIELD, 5, true)),
                List.of(asset("cow", COW, 9, true)), TODAY);
        CollateralPledged pledged = new CollateralPledged("L-2026-7", "AIB", PLEDGED_ON);
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        Decision.Accepted accepted = (Decision.Accepted) decision;
        assertThat(accepted.changes()).containsExactly(
                new StreamChange(StreamId.farm("tractor", TRACTOR), 3, List.of(pledged)),
                new StreamChange(StreamId.farm("field", FIELD), 5, List.of(pledged)),
                new StreamChange(StreamId.farm("cow", COW), 9, List.of(pledged)));
        assertThat(accepted.reads()).isEqualTo(Map.of(StreamId.farm("tractor", TRACTOR), 3L,
                StreamId.farm("field", FIELD), 5L, StreamId.farm("cow", COW), 9L));
    }

    @Test
    void pledging_an_unregistered_tractor_is_rejected() {
        var r = rejected(LoanRules.decide(pledge(List.of(TRACTOR), List.of(), List.of()),
                List.of(asset("tractor", TRACTOR, 0, false)), List.of(), List.of(), TODAY));
        assertThat(r).extracting(Rejection::code).containsExactly(UNKNOWN_TRACTOR);
        assertThat(r.get(0).field()).isEqualTo("tractors[0]");
        assertThat(r.get(0).message()).contains(TRACTOR);
    }

    @Test
    void pledging_an_unregistered_field_is_rejected() {
        var r = rejected(LoanRules.decide(pledge(List.of(), List.of(FIELD), List.of()), List.of(),
                List.of(asset("field", FIELD, 0, false)), List.of(), TODAY));
        assertThat(r).extracting(Rejection::code).containsExactly(UNKNOWN_LOCATION);
        assertThat(r.get(0).field()).isEqualTo("fields[0]");
    }

    @Test
    void pledging_an_animal_not_on_the_farm_is_rejected() {
        var r = rejected(LoanRules.decide(pledge(List.of(), List.of(), List.of(COW)), List.of(), List.of(),
                List.of(asset("cow", COW, 4, false)), TODAY));
        assertThat(r).extracting(Rejection::code).containsExactly(ANIMAL_NOT_ON_FARM);
        assertThat(r.get(0).field()).isEqualTo("cattle[0]");
        assertThat(r.get(0).message()).contains(COW);
    }

    @Test
    void pledging_an_asset_already_pledged_is_rejected_even_to_the_same_loan() {
        var r = rejected(LoanRules.decide(pledge(List.of(TRACTOR), List.of(FIELD), List.of()),
                List.of(asset("tractor", TRACTOR, 3, true, "L-2025-1")),
                List.of(asset("field", FIELD, 3, true, "L-2026-7")), List.of(), TODAY));
        assertThat(r).extracting(Rejection::code).containsExactly(ALREADY_PLEDGED, ALREADY_PLEDGED);
        assertThat(r.get(0).message()).contains("L-2025-1");
        assertThat(r.get(1).message()).contains("L-2026-7");
    }

    @Test
    void every_failing_asset_is_listed_and_nothing_is_pledged() {
        var r = rejected(LoanRules.decide(
                pledge(List.of(TRACTOR, "FD724V000111"), List.of(FIELD), List.of("IE12345670013", COW)),
                List.of(asset("tractor", TRACTOR, 1, true), asset("tractor", "FD724V000111", 0, false)),
                List.of(asset("field", FIELD, 2, true, "L-1")),
                List.of(asset("cow", "IE12345670013", 3, false), asset("cow", COW, 3, true)), TODAY));
        assertThat(r).extracting(Rejection::code)
                .containsExactly(UNKNOWN_TRACTOR, ALREADY_PLEDGED, ANIMAL_NOT_ON_FARM);
        assertThat(r).extracting(Rejection::field).containsExactly("tractors[1]", "fields[0]", "cattle[0]");
    }

    @Test
    void an_asset_listed_twice_is_pledged_once() {
        Decision decision = LoanRules.decide(pledge(List.of(), List.of(), List.of(COW, COW)), List.of(),
                List.of(), List.of(asset("cow", COW, 2, true), asset("cow", COW, 2, true)), TODAY);
        assertThat(((Decision.Accepted) decision).changes()).hasSize(1);
    }

    @Test
    void a_loan_without_any_asset_or_lender_or_with_a_malformed_ear_tag_is_malformed() {
        var r = rejected(LoanRules.decide(new CollateraliseLoan("L-1", " ", PLEDGED_ON, null, null, null),
                List.of(), List.of(), List.of(), TODAY));
        assertThat(r).extracting(Rejection::code).containsExactly(MALFORMED, MALFORMED);
        assertThat(r).extracting(Rejection::field).containsExactly("lender", "tractors");

        var tag = rejected(LoanRules.decide(pledge(List.of(), List.of(), List.of("IE12")), List.of(), List.of(),
                List.of(asset("cow", "IE12", 0, false)), TODAY));
        assertThat(tag).extracting(Rejection::field).containsExactly("cattle[0]");
        assertThat(tag).extracting(Rejection::code).containsExactly(MALFORMED);
    }

    @Test
    void a_pledge_dated_in_the_future_is_rejected() {
        var r = rejected(LoanRules.decide(new CollateraliseLoan("L-1", "AIB", TODAY.plusDays(1), List.of(),
                List.of(FIELD), List.of()), List.of(), List.of(asset("field", FIELD, 1, true)), List.of(), TODAY));
        assertThat(r).extracting(Rejection::code).containsExactly(DATE_IN_FUTURE);
    }

    @Test
    void releasing_appends_collateral_released_to_every_asset_pledged_to_the_loan_and_no_other() {
        Decision decision = LoanRules.decide(new ReleaseCollateral("L-2026-7", TODAY), List.of(
                asset("cow", COW, 7, true, "L-2026-7"),
                asset("field", FIELD, 4, true, "L-2025-1"),
                asset("tractor", TRACTOR, 2, true, "L-2026-7", "L-2025-1")), TODAY);
        CollateralReleased released = new CollateralReleased("L-2026-7", TODAY);
        assertThat(((Decision.Accepted) decision).changes()).containsExactly(
                new StreamChange(StreamId.farm("cow", COW), 7, List.of(released)),
                new StreamChange(StreamId.farm("tractor", TRACTOR), 2, List.of(released)));
    }

    @Test
    void releasing_a_loan_no_asset_is_pledged_to_is_rejected() {
        var r = rejected(LoanRules.decide(new ReleaseCollateral("L-404", TODAY),
                List.of(asset("cow", COW, 7, true, "L-2026-7")), TODAY));
        assertThat(r).extracting(Rejection::code).containsExactly(UNKNOWN_LOAN);
        assertThat(r.get(0).field()).isEqualTo("loanId");
        assertThat(r.get(0).message()).contains("L-404");
    }

    @Test
    void a_release_without_a_loan_id_or_dated_in_the_future_is_rejected() {
        var r = rejected(LoanRules.decide(new ReleaseCollateral(null, TODAY.plusDays(1)), List.of(), TODAY));
        assertThat(r).extracting(Rejection::code).containsExactly(MALFORMED, DATE_IN_FUTURE);
    }
}
