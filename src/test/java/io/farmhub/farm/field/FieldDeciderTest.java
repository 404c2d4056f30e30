package io.farmhub.farm.field;

import static io.farmhub.core.ErrorCode.CROP_STANDING;
import static io.farmhub.core.ErrorCode.DATE_IN_FUTURE;
import static io.farmhub.core.ErrorCode.FIELD_EXISTS;
import static io.farmhub.core.ErrorCode.MALFORMED;
import static io.farmhub.core.ErrorCode.NO_CROP;
import static io.farmhub.core.ErrorCode.OUT_OF_RANGE;
import static io.farmhub.core.ErrorCode.UNKNOWN_LOCATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.Decision;
import io.farmhub.core.DomainEvent;
import io.farmhub.farm.DeciderSpec;
import io.farmhub.farm.field.FieldCommand.HarvestCrop;
import io.farmhub.farm.field.FieldCommand.RegisterField;
import io.farmhub.farm.field.FieldCommand.SowCrop;
import io.farmhub.farm.field.FieldEvent.CropHarvested;
import io.farmhub.farm.field.FieldEvent.CropSown;
import io.farmhub.farm.field.FieldEvent.FieldRegistered;
import io.farmhub.farm.loan.LoanEvent.CollateralPledged;
import io.farmhub.farm.loan.LoanEvent.CollateralReleased;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldDeciderTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-27");
    static final String CODE = "north-meadow";
    static final FieldRegistered REGISTERED =
            new FieldRegistered(CODE, "North Meadow", new BigDecimal("12.5"), LocalDate.parse("2026-01-10"));
    static final CropSown SOWN = new CropSown(CODE, "winter wheat", LocalDate.parse("2026-03-01"));
    static final CropHarvested HARVESTED =
            new CropHarvested(CODE, "winter wheat", LocalDate.parse("2026-08-20"), new BigDecimal("98.4"));

    final DeciderSpec<FieldCommand, DomainEvent, Field> spec = DeciderSpec.of(Field.AGGREGATE.stream(CODE),
            Field.AGGREGATE.initial(), Field::evolve, (cmd, state) -> validated(cmd, () -> FieldDecider.decide(cmd, state, TODAY)));

    /** As the pipeline runs a command: its validate step (once), then the decision. */
    static Decision validated(FieldCommand cmd, java.util.function.Supplier<Decision> decide) {
        var invalid = FieldDecider.validate(cmd, TODAY);
        return invalid.isEmpty() ? decide.get() : Decision.rejected(invalid);
    }

    @Test
    void registering_a_field_records_it_as_of_today() {
        spec.given().when(new RegisterField(CODE, "North Meadow", new BigDecimal("12.5")))
                .then(new FieldRegistered(CODE, "North Meadow", new BigDecimal("12.5"), TODAY));
    }

    @Test
    void registering_a_field_code_in_use_is_rejected() {
        var rejections = spec.given(REGISTERED).when(new RegisterField(CODE, "Other", BigDecimal.ONE))
                .thenRejected(FIELD_EXISTS);
        assertThat(rejections.get(0).field()).isEqualTo("fieldCode");
        assertThat(rejections.get(0).message()).contains("North Meadow");
    }

    @Test
    void an_area_of_zero_is_out_of_range() {
        var rejections = spec.given().when(new RegisterField(CODE, "North Meadow", BigDecimal.ZERO))
                .thenRejected(OUT_OF_RANGE);
        assertThat(rejections.get(0).field()).isEqualTo("areaHectares");
    }

    @Test
    void a_negative_area_is_out_of_range() {
        spec.given().when(new RegisterField(CODE, "North Meadow", new BigDecimal("-1"))).thenRejected(OUT_OF_RANGE);
    }

    @Test
    void an_area_of_exactly_10000_hectares_is_accepted() {
        spec.given().when(new RegisterField(CODE, "Big", new BigDecimal("10000")))
                .then(new FieldRegistered(CODE, "Big", new BigDecimal("10000"), TODAY));
    }

    @Test
    void an_area_just_above_10000_hectares_is_out_of_range() {
        spec.given().when(new RegisterField(CODE, "Big", new BigDecimal("10000.01"))).thenRejected(OUT_OF_RANGE);
    }

    @Test
    void a_field_without_name_or_area_is_malformed_naming_each_field() {
        var rejections = spec.given().when(new RegisterField(CODE, " ", null)).thenRejected(MALFORMED, MALFORMED);
        assertThat(rejections).extracting(r -> r.field()).containsExactly("name", "areaHectares");
    }

    @Test
    void a_field_code_not_in_normal_form_is_malformed() {
        var rejections = spec.given().when(new RegisterField("north meadow", "North Meadow", BigDecimal.ONE))
                .thenRejected(MALFORMED);
        assertThat(rejections.get(0).field()).isEqualTo("fieldCode");
    }

    @Test
    void sowing_an_unregistered_field_is_rejected() {
        var rejections = spec.given().when(new SowCrop(CODE, "barley", TODAY)).thenRejected(UNKNOWN_LOCATION);
        assertThat(rejections.get(0).field()).isEqualTo("fieldCode");
    }

    @Test
    void sowing_a_registered_field_is_accepted() {
        spec.given(REGISTERED).when(new SowCrop(CODE, "winter wheat", LocalDate.parse("2026-03-01"))).then(SOWN);
    }

    @Test
    void sowing_while_a_crop_stands_is_rejected() {
        var rejections = spec.given(REGISTERED, SOWN).when(new SowCrop(CODE, "barley", TODAY))
                .thenRejected(CROP_STANDING);
        assertThat(rejections.get(0).message()).contains("winter wheat").contains("2026-03-01");
    }

    @Test
    void sowing_again_after_the_harvest_is_accepted() {
        spec.given(REGISTERED, SOWN, HARVESTED).when(new SowCrop(CODE, "barley", LocalDate.parse("2026-08-20")))
                .then(new CropSown(CODE, "barley", LocalDate.parse("2026-08-20")));
    }

    @Test
    void sowing_dated_before_the_last_harvest_is_out_of_range() {
        var rejections = spec.given(REGISTERED, SOWN, HARVESTED)
                .when(new SowCrop(CODE, "barley", LocalDate.parse("2026-08-19"))).thenRejected(OUT_OF_RANGE);
        assertThat(rejections.get(0).field()).isEqualTo("sownOn");
    }

    @Test
    void sowing_in_the_future_is_rejected() {
        spec.given(REGISTERED).when(new SowCrop(CODE, "barley", TODAY.plusDays(1))).thenRejected(DATE_IN_FUTURE);
    }

    @Test
    void sowing_without_a_crop_is_malformed() {
        spec.given(REGISTERED).when(new SowCrop(CODE, null, TODAY)).thenRejected(MALFORMED);
    }

    @Test
    void harvesting_names_the_crop_that_stood() {
        spec.given(REGISTERED, SOWN)
                .when(new HarvestCrop(CODE, LocalDate.parse("2026-08-20"), new BigDecimal("98.4")))
                .then(HARVESTED);
    }

    @Test
    void harvesting_a_field_without_a_standing_crop_is_rejected() {
        spec.given(REGISTERED).when(new HarvestCrop(CODE, TODAY, BigDecimal.TEN)).thenRejected(NO_CROP);
        spec.given(REGISTERED, SOWN, HARVESTED).when(new HarvestCrop(CODE, TODAY, BigDecimal.TEN))
                .thenRejected(NO_CROP);
    }

    @Test
    void harvesting_an_unregistered_field_is_rejected() {
        spec.given().when(new HarvestCrop(CODE, TODAY, BigDecimal.TEN)).thenRejected(UNKNOWN_LOCATION);
    }

    @Test
    void harvesting_before_the_sowing_date_is_out_of_range() {
        var rejections = spec.given(REGISTERED, SOWN)
                .when(new HarvestCrop(CODE, LocalDate.parse("2026-02-28"), BigDecimal.TEN)).thenRejected(OUT_OF_RANGE);
        assertThat(rejections.get(0).field()).isEqualTo("harvestedOn");
    }

    @Test
    void a_negative_yield_is_out_of_range_and_a_zero_yield_is_a_failed_crop() {
        spec.given(REGISTERED, SOWN).when(new HarvestCrop(CODE, TODAY, new BigDecimal("-0.1")))
                .thenRejected(OUT_OF_RANGE);
        spec.given(REGISTERED, SOWN).when(new HarvestCrop(CODE, TODAY, BigDecimal.ZERO))
                .then(new CropHarvested(CODE, "winter wheat", TODAY, BigDecimal.ZERO));
    }

    @Test
    void harvesting_in_the_future_is_rejected() {
        spec.given(REGISTERED, SOWN).when(new HarvestCrop(CODE, TODAY.plusDays(1), BigDecimal.TEN))
                .thenRejected(DATE_IN_FUTURE);
    }

    @Test
    void loan_events_on_the_stream_are_folded_into_the_pledges() {
        Field state = Field.AGGREGATE.fold(java.util.List.of(REGISTERED, SOWN,
                new CollateralPledged("L-1", "AIB", TODAY), new CollateralPledged("L-2", "AIB", TODAY),
                new CollateralReleased("L-1", TODAY)));
        assertThat(state).isInstanceOf(Field.Cropped.class);
        assertThat(state.pledgedTo()).containsExactly("L-2");
        assertThat(state.isRegistered()).isTrue();
        assertThat(Field.AGGREGATE.initial().isRegistered()).isFalse();
    }
}
