package io.farmhub.farm.tractor;

import static io.farmhub.core.ErrorCode.DATE_IN_FUTURE;
import static io.farmhub.core.ErrorCode.HOURS_DECREASED;
import static io.farmhub.core.ErrorCode.MALFORMED;
import static io.farmhub.core.ErrorCode.OUT_OF_RANGE;
import static io.farmhub.core.ErrorCode.TRACTOR_EXISTS;
import static io.farmhub.core.ErrorCode.UNKNOWN_TRACTOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.Decision;
import io.farmhub.core.DomainEvent;
import io.farmhub.farm.DeciderSpec;
import io.farmhub.farm.loan.LoanEvent.CollateralPledged;
import io.farmhub.farm.tractor.TractorCommand.RecordEngineHours;
import io.farmhub.farm.tractor.TractorCommand.RecordTractorService;
import io.farmhub.farm.tractor.TractorCommand.RegisterTractor;
import io.farmhub.farm.tractor.TractorEvent.EngineHoursRecorded;
import io.farmhub.farm.tractor.TractorEvent.TractorRegistered;
import io.farmhub.farm.tractor.TractorEvent.TractorServiced;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TractorDeciderTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-27");
    static final String CHASSIS = "JD6R155X001234";
    static final Instant T0 = Instant.parse("2026-11-26T06:00:00Z");
    static final TractorRegistered REGISTERED =
            new TractorRegistered(CHASSIS, "John Deere", "6R 155", 2024, LocalDate.parse("2026-01-10"));
    static final TractorServiced SERVICED = new TractorServiced(CHASSIS, LocalDate.parse("2026-06-01"),
            new BigDecimal("500.0"), "Oil and filters changed");
    static final EngineHoursRecorded AT_T0_510 = hours(T0, "510.0");

    final DeciderSpec<TractorCommand, DomainEvent, Tractor> spec = DeciderSpec.of(Tractor.AGGREGATE.stream(CHASSIS),
            Tractor.AGGREGATE.initial(), Tractor::evolve,
            (cmd, state) -> validated(cmd, () -> TractorDecider.decide(cmd, state, TODAY)));

    /** As the pipeline runs a command: its validate step (once), then the decision. */
    static Decision validated(TractorCommand cmd, java.util.function.Supplier<Decision> decide) {
        var invalid = TractorDecider.validate(cmd, TODAY);
        return invalid.isEmpty() ? decide.get() : Decision.rejected(invalid);
    }

    static EngineHoursRecorded hours(Instant at, String h) {
        return new EngineHoursRecorded(CHASSIS, at, new BigDecimal(h));
    }

    static RecordEngineHours reading(Instant at, String h) {
        return new RecordEngineHours(CHASSIS, at, new BigDecimal(h));
    }

    static RecordTractorService service(String on, String h) {
        return new RecordTractorService(CHASSIS, LocalDate.parse(on), new BigDecimal(h), "Oil and filters changed");
    }

    @Test
    void registering_a_tractor_records_it_as_of_today() {
        spec.given().when(new RegisterTractor(CHASSIS, "John Deere", "6R 155", 2024))
                .then(new TractorRegistered(CHASSIS, "John Deere", "6R 155", 2024, TODAY));
    }

    @Test
    void registering_a_chassis_number_in_use_is_rejected() {
        var rejections = spec.given(REGISTERED).when(new RegisterTractor(CHASSIS, "Fendt", "724", 2020))
                .thenRejected(TRACTOR_EXISTS);
        assertThat(rejections.get(0).field()).isEqualTo("chassisNumber");
    }

    @Test
    void a_chassis_number_with_i_o_or_q_is_malformed() {
        var rejections = spec.given().when(new RegisterTractor("JD6R155O001234", "John Deere", "6R", 2024))
                .thenRejected(MALFORMED);
        assertThat(rejections.get(0).field()).isEqualTo("chassisNumber");
    }

    @Test
    void a_model_year_from_1900_to_next_year_is_accepted_and_others_are_out_of_range() {
        spec.given().when(new RegisterTractor(CHASSIS, "Ferguson", "TE20", 1900))
                .then(new TractorRegistered(CHASSIS, "Ferguson", "TE20", 1900, TODAY));
        spec.given().when(new RegisterTractor(CHASSIS, "John Deere", "6R", 2027))
                .then(new TractorRegistered(CHASSIS, "John Deere", "6R", 2027, TODAY));
        spec.given().when(new RegisterTractor(CHASSIS, "Ferguson", "TE20", 1899)).thenRejected(OUT_OF_RANGE);
        spec.given().when(new RegisterTractor(CHASSIS, "John Deere", "6R", 2028)).thenRejected(OUT_OF_RANGE);
    }

    @Test
    void a_tractor_without_make_model_or_year_is_malformed() {
        var rejections = spec.given().when(new RegisterTractor(CHASSIS, "", null, null))
                .thenRejected(MALFORMED, MALFORMED, MALFORMED);
        assertThat(rejections).extracting(r -> r.field()).containsExactly("make", "model", "year");
    }

    @Test
    void servicing_an_unregistered_tractor_is_rejected() {
        spec.given().when(service("2026-06-01", "500")).thenRejected(UNKNOWN_TRACTOR);
    }

    @Test
    void a_service_is_recorded_with_its_hours() {
        spec.given(REGISTERED).when(service("2026-06-01", "500.0")).then(SERVICED);
    }

    @Test
    void a_service_with_fewer_hours_than_known_is_rejected_and_the_same_hours_are_accepted() {
        var rejections = spec.given(REGISTERED, AT_T0_510).when(service("2026-11-26", "509.9"))
                .thenRejected(HOURS_DECREASED);
        assertThat(rejections.get(0).field()).isEqualTo("engineHours");
        assertThat(rejections.get(0).message()).contains("510.0").contains("509.9");
        spec.given(REGISTERED, AT_T0_510).when(service("2026-11-26", "510.0"))
                .then(new TractorServiced(CHASSIS, LocalDate.parse("2026-11-26"), new BigDecimal("510.0"),
                        "Oil and filters changed"));
    }

    @Test
    void a_service_in_the_future_or_without_work_done_is_rejected() {
        spec.given(REGISTERED).when(service("2026-11-28", "500")).thenRejected(DATE_IN_FUTURE);
        spec.given(REGISTERED).when(new RecordTractorService(CHASSIS, TODAY, BigDecimal.TEN, " "))
                .thenRejected(MALFORMED);
    }

    @Test
    void negative_engine_hours_are_out_of_range() {
        spec.given(REGISTERED).when(service("2026-06-01", "-1")).thenRejected(OUT_OF_RANGE);
        spec.given(REGISTERED).when(reading(T0, "-0.5")).thenRejected(OUT_OF_RANGE);
    }

    @Test
    void engine_hours_of_an_unregistered_tractor_are_rejected() {
        spec.given().when(reading(T0, "510")).thenRejected(UNKNOWN_TRACTOR);
    }

    @Test
    void the_first_engine_hours_are_recorded() {
        spec.given(REGISTERED).when(reading(T0, "510.0")).then(AT_T0_510);
    }

    @Test
    void engine_hours_are_recorded_from_exactly_one_hour_more() {
        spec.given(REGISTERED, AT_T0_510).when(reading(T0.plusSeconds(60), "510.9")).thenNothing();
        spec.given(REGISTERED, AT_T0_510).when(reading(T0.plusSeconds(60), "511.0"))
                .then(hours(T0.plusSeconds(60), "511.0"));
    }

    @Test
    void the_same_hours_again_change_nothing() {
        spec.given(REGISTERED, AT_T0_510).when(reading(T0.plusSeconds(3600), "510.0")).thenNothing();
    }

    @Test
    void decreasing_engine_hours_are_rejected() {
        var rejections = spec.given(REGISTERED, AT_T0_510).when(reading(T0.plusSeconds(60), "509.5"))
                .thenRejected(HOURS_DECREASED);
        assertThat(rejections.get(0).field()).isEqualTo("engineHours");
    }

    @Test
    void the_hours_of_a_service_count_as_the_last_known() {
        spec.given(REGISTERED, SERVICED).when(reading(T0, "500.5")).thenNothing();
        spec.given(REGISTERED, SERVICED).when(reading(T0, "499")).thenRejected(HOURS_DECREASED);
        spec.given(REGISTERED, SERVICED).when(reading(T0, "501.0")).then(hours(T0, "501.0"));
    }

    @Test
    void a_reading_at_or_before_the_last_recorded_one_is_stale_and_changes_nothing() {
        spec.given(REGISTERED, AT_T0_510).when(reading(T0.minusSeconds(60), "400")).thenNothing();
        spec.given(REGISTERED, AT_T0_510).when(reading(T0, "520")).thenNothing();
    }

    @Test
    void a_reading_in_the_future_is_rejected() {
        spec.given(REGISTERED).when(reading(Instant.parse("2026-11-28T00:00:01Z"), "510"))
                .thenRejected(DATE_IN_FUTURE);
    }

    @Test
    void the_state_keeps_hours_service_and_pledges() {
        Tractor state = Tractor.AGGREGATE.fold(List.of(REGISTERED, SERVICED, AT_T0_510,
                new CollateralPledged("L-1", "AIB", TODAY)));
        assertThat(state.isRegistered()).isTrue();
        Tractor.Registered t = (Tractor.Registered) state;
        assertThat(t.engineHours()).isEqualByComparingTo("510");
        assertThat(t.lastService()).isEqualTo(new Tractor.Service(LocalDate.parse("2026-06-01"), new BigDecimal("500.0")));
        assertThat(t.pledgedTo()).containsExactly("L-1");
        assertThat(Tractor.AGGREGATE.initial().isRegistered()).isFalse();
    }
}
