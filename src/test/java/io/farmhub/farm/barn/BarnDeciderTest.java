package io.farmhub.farm.barn;

import static io.farmhub.core.ErrorCode.BARN_EXISTS;
import static io.farmhub.core.ErrorCode.DATE_IN_FUTURE;
import static io.farmhub.core.ErrorCode.MALFORMED;
import static io.farmhub.core.ErrorCode.OUT_OF_RANGE;
import static io.farmhub.core.ErrorCode.UNKNOWN_LOCATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.Decision;
import io.farmhub.core.DomainEvent;
import io.farmhub.farm.DeciderSpec;
import io.farmhub.farm.barn.BarnCommand.RecordBarnTemperature;
import io.farmhub.farm.barn.BarnCommand.RegisterBarn;
import io.farmhub.farm.barn.BarnEvent.BarnRegistered;
import io.farmhub.farm.barn.BarnEvent.BarnTemperatureAlertCleared;
import io.farmhub.farm.barn.BarnEvent.BarnTemperatureAlertRaised;
import io.farmhub.farm.barn.BarnEvent.BarnTemperatureRecorded;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BarnDeciderTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-27");
    static final String CODE = "main-barn";
    static final Instant T0 = Instant.parse("2026-11-26T06:00:00Z");
    static final BarnRegistered REGISTERED = new BarnRegistered(CODE, "Main barn", 40, LocalDate.parse("2026-01-10"));
    static final BarnTemperatureRecorded AT_T0_18 = recorded(T0, "18.0");

    final DeciderSpec<BarnCommand, DomainEvent, Barn> spec = DeciderSpec.of(Barn.AGGREGATE.stream(CODE),
            Barn.AGGREGATE.initial(), Barn::evolve, (cmd, state) -> validated(cmd, () -> BarnDecider.decide(cmd, state, TODAY)));

    /** As the pipeline runs a barn command: its validate step (once), then the decision. */
    static Decision validated(BarnCommand cmd, java.util.function.Supplier<Decision> decide) {
        var invalid = BarnDecider.validate(cmd, TODAY);
        return invalid.isEmpty() ? decide.get() : Decision.rejected(invalid);
    }

    static BarnTemperatureRecorded recorded(Instant at, String celsius) {
        return new BarnTemperatureRecorded(CODE, at, new BigDecimal(celsius));
    }

    static RecordBarnTemperature reading(Instant at, String celsius) {
        return new RecordBarnTemperature(CODE, at, new BigDecimal(celsius));
    }

    static Instant minutes(long m) {
        return T0.plusSeconds(60 * m);
    }

    @Test
    void registering_a_barn_records_it_as_of_today() {
        spec.given().when(new RegisterBarn(CODE, "Main barn", 40))
                .then(new BarnRegistered(CODE, "Main barn", 40, TODAY));
    }

    @Test
    void registering_a_barn_code_in_use_is_rejected() {
        var rejections = spec.given(REGISTERED).when(new RegisterBarn(CODE, "Other", 10)).thenRejected(BARN_EXISTS);
        assertThat(rejections.get(0).field()).isEqualTo("barnCode");
    }

    @Test
    void a_capacity_below_one_is_out_of_range_and_one_is_enough() {
        var rejections = spec.given().when(new RegisterBarn(CODE, "Pen", 0)).thenRejected(OUT_OF_RANGE);
        assertThat(rejections.get(0).field()).isEqualTo("capacity");
        spec.given().when(new RegisterBarn(CODE, "Pen", 1)).then(new BarnRegistered(CODE, "Pen", 1, TODAY));
    }

    @Test
    void a_barn_without_capacity_or_with_a_malformed_code_is_malformed() {
        var rejections = spec.given().when(new RegisterBarn("Main Barn", "Main", null))
                .thenRejected(MALFORMED, MALFORMED);
        assertThat(rejections).extracting(r -> r.field()).containsExactly("barnCode", "capacity");
    }

    @Test
    void a_temperature_of_an_unregistered_barn_is_rejected() {
        var rejections = spec.given().when(reading(T0, "18.0")).thenRejected(UNKNOWN_LOCATION);
        assertThat(rejections.get(0).field()).isEqualTo("barnCode");
    }

    @Test
    void the_first_reading_is_recorded() {
        spec.given(REGISTERED).when(reading(T0, "18.0")).then(AT_T0_18);
    }

    @Test
    void temperatures_outside_minus_40_to_60_are_out_of_range() {
        spec.given(REGISTERED).when(reading(T0, "-40.1")).thenRejected(OUT_OF_RANGE);
        var rejections = spec.given(REGISTERED).when(reading(T0, "60.1")).thenRejected(OUT_OF_RANGE);
        assertThat(rejections.get(0).field()).isEqualTo("celsius");
    }

    @Test
    void minus_40_and_60_themselves_are_readings_and_raise_the_alert() {
        spec.given(REGISTERED).when(reading(T0, "-40"))
                .then(recorded(T0, "-40"), new BarnTemperatureAlertRaised(CODE, T0, new BigDecimal("-40")));
        spec.given(REGISTERED).when(reading(T0, "60"))
                .then(recorded(T0, "60"), new BarnTemperatureAlertRaised(CODE, T0, new BigDecimal("60")));
    }

    @Test
    void a_reading_in_the_future_is_rejected() {
        spec.given(REGISTERED).when(reading(Instant.parse("2026-11-28T00:00:00Z"), "18.0"))
                .thenRejected(DATE_IN_FUTURE);
    }

    @Test
    void a_reading_less_than_half_a_degree_away_within_15_minutes_changes_nothing() {
        spec.given(REGISTERED, AT_T0_18).when(reading(minutes(5), "18.4")).thenNothing();
        spec.given(REGISTERED, AT_T0_18).when(reading(minutes(14), "17.6")).thenNothing();
    }

    @Test
    void a_change_of_exactly_half_a_degree_is_recorded_either_way() {
        spec.given(REGISTERED, AT_T0_18).when(reading(minutes(1), "18.5")).then(recorded(minutes(1), "18.5"));
        spec.given(REGISTERED, AT_T0_18).when(reading(minutes(1), "17.5")).then(recorded(minutes(1), "17.5"));
    }

    @Test
    void an_unchanged_temperature_is_recorded_again_exactly_15_minutes_later_and_not_before() {
        spec.given(REGISTERED, AT_T0_18).when(reading(minutes(15).minusSeconds(1), "18.0")).thenNothing();
        spec.given(REGISTERED, AT_T0_18).when(reading(minutes(15), "18.0")).then(recorded(minutes(15), "18.0"));
    }

    @Test
    void the_dead_band_is_measured_from_the_last_recorded_value_not_the_last_reading() {
        // 18.4 was not recorded, so 18.8 is 0.8 away from the recorded 18.0.
        spec.given(REGISTERED, AT_T0_18).when(reading(minutes(10), "18.8")).then(recorded(minutes(10), "18.8"));
    }

    @Test
    void thirty_degrees_exactly_is_inside_the_band_and_raises_no_alert() {
        spec.given(REGISTERED, recorded(T0, "28.0")).when(reading(minutes(1), "30.0")).then(recorded(minutes(1), "30.0"));
    }

    @Test
    void leaving_the_band_above_30_raises_the_alert() {
        spec.given(REGISTERED, recorded(T0, "28.0")).when(reading(minutes(1), "30.5"))
                .then(recorded(minutes(1), "30.5"), new BarnTemperatureAlertRaised(CODE, minutes(1), new BigDecimal("30.5")));
    }

    @Test
    void zero_degrees_exactly_is_inside_the_band_and_just_below_raises_the_alert() {
        spec.given(REGISTERED, recorded(T0, "1.0")).when(reading(minutes(1), "0")).then(recorded(minutes(1), "0"));
        spec.given(REGISTERED, recorded(T0, "0")).when(reading(minutes(1), "-0.1"))
                .then(new BarnTemperatureAlertRaised(CODE, minutes(1), new BigDecimal("-0.1")));
    }

    @Test
    void leaving_the_band_within_the_dead_band_raises_the_alert_without_recording() {
        spec.given(REGISTERED, recorded(T0, "29.9")).when(reading(minutes(1), "30.1"))
                .then(new BarnTemperatureAlertRaised(CODE, minutes(1), new BigDecimal("30.1")));
    }

    @Test
    void an_open_alert_is_not_raised_twice() {
        BarnTemperatureAlertRaised raised = new BarnTemperatureAlertRaised(CODE, T0, new BigDecimal("31.0"));
        spec.given(REGISTERED, recorded(T0, "31.0"), raised).when(reading(minutes(1), "32.0"))
                .then(recorded(minutes(1), "32.0"));
        spec.given(REGISTERED, recorded(T0, "31.0"), raised).when(reading(minutes(1), "31.2")).thenNothing();
    }

    @Test
    void returning_to_the_band_clears_the_alert_and_30_exactly_counts_as_returned() {
        BarnTemperatureAlertRaised raised = new BarnTemperatureAlertRaised(CODE, T0, new BigDecimal("30.2"));
        spec.given(REGISTERED, recorded(T0, "30.2"), raised).when(reading(minutes(1), "30"))
                .then(new BarnTemperatureAlertCleared(CODE, minutes(1), new BigDecimal("30")));
        spec.given(REGISTERED, recorded(T0, "33.0"), raised).when(reading(minutes(1), "25.0"))
                .then(recorded(minutes(1), "25.0"), new BarnTemperatureAlertCleared(CODE, minutes(1), new BigDecimal("25.0")));
    }

    @Test
    void a_reading_at_or_before_the_newest_one_in_the_stream_is_stale_and_changes_nothing() {
        spec.given(REGISTERED, AT_T0_18).when(reading(T0.minusSeconds(3600), "35.0")).thenNothing();
        spec.given(REGISTERED, AT_T0_18).when(reading(T0, "25.0")).thenNothing();
        BarnTemperatureAlertRaised raised = new BarnTemperatureAlertRaised(CODE, minutes(5), new BigDecimal("30.2"));
        spec.given(REGISTERED, recorded(T0, "29.9"), raised).when(reading(minutes(3), "20.0")).thenNothing();
    }

    @Test
    void the_state_keeps_what_other_aggregates_ask_of_a_barn() {
        Barn barn = Barn.AGGREGATE.fold(java.util.List.of(REGISTERED));
        assertThat(barn.isRegistered()).isTrue();
        assertThat(((Barn.Registered) barn).capacity()).isEqualTo(40);
        assertThat(Barn.AGGREGATE.initial().isRegistered()).isFalse();
    }
}
