package io.farmhub.farm.cow;

import static io.farmhub.core.ErrorCode.ANIMAL_NOT_ON_FARM;
import static io.farmhub.core.ErrorCode.DATE_IN_FUTURE;
import static io.farmhub.core.ErrorCode.NOT_FEMALE;
import static io.farmhub.core.ErrorCode.OUT_OF_RANGE;
import static io.farmhub.farm.cow.Herd.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.DomainEvent;
import io.farmhub.farm.DeciderSpec;
import io.farmhub.farm.cow.CowCommand.RecordAIVisit;
import io.farmhub.farm.cow.CowCommand.RecordMilking;
import io.farmhub.farm.cow.CowEvent.AnimalInseminated;
import io.farmhub.farm.cow.CowEvent.MilkRecorded;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RecordAIVisitAndMilkingTest {

    private static final LocalDate SERVED_ON = LocalDate.of(2026, 11, 26);
    private static final Instant MILKED_AT = Instant.parse("2026-11-26T06:12:00Z");

    private static DeciderSpec<RecordAIVisit, DomainEvent, Cow> served(String tag) {
        return spec(tag, (c, cow) -> validated(c, () -> CowDecider.decide(c, cow, CowFacts.none())));
    }

    private static DeciderSpec<RecordMilking, DomainEvent, Cow> milked(String tag) {
        return spec(tag, (c, cow) -> validated(c, () -> CowDecider.decide(c, cow, CowFacts.none())));
    }

    private static RecordMilking milking(String litres) {
        return new RecordMilking(DAISY, MILKED_AT, new BigDecimal(litres));
    }

    @Test
    void a_cow_is_served() {
        served(DAISY).given(cowBorn(DAISY)).when(new RecordAIVisit(DAISY, SERVED_ON, "J. Murphy", "FR2201"))
                .then(new AnimalInseminated(DAISY, SERVED_ON, "J. Murphy", "FR2201"));
    }

    @Test
    void serving_a_bull_is_rejected() {
        var rejections = served(BRUNO).given(bullBorn(BRUNO))
                .when(new RecordAIVisit(BRUNO, SERVED_ON, "J. Murphy", "FR2201")).thenRejected(NOT_FEMALE);
        assertThat(rejections.get(0).field()).isEqualTo("earTag");
    }

    @Test
    void serving_a_sold_cow_is_rejected() {
        served(DAISY).given(cowBorn(DAISY), sold(DAISY, SERVED_ON.minusDays(1)))
                .when(new RecordAIVisit(DAISY, SERVED_ON, "J. Murphy", "FR2201")).thenRejected(ANIMAL_NOT_ON_FARM);
    }

    @Test
    void a_service_dated_in_the_future_is_rejected() {
        served(DAISY).given(cowBorn(DAISY)).when(new RecordAIVisit(DAISY, TODAY.plusDays(1), "J. Murphy", "FR2201"))
                .thenRejected(DATE_IN_FUTURE);
    }

    @Test
    void a_milking_is_recorded_at_its_instant() {
        milked(DAISY).given(cowBorn(DAISY)).when(milking("12.4"))
                .then(new MilkRecorded(DAISY, MILKED_AT, new BigDecimal("12.4")));
        assertThat(new MilkRecorded(DAISY, MILKED_AT, BigDecimal.ONE).occurredAt()).isEqualTo("2026-11-26T06:12:00Z");
    }

    @Test
    void eighty_litres_is_the_most_a_milking_can_yield() {
        milked(DAISY).given(cowBorn(DAISY)).when(milking("80"))
                .then(new MilkRecorded(DAISY, MILKED_AT, new BigDecimal("80")));
        milked(DAISY).given(cowBorn(DAISY)).when(milking("80.01")).thenRejected(OUT_OF_RANGE);
    }

    @Test
    void a_milking_must_yield_something() {
        var rejections = milked(DAISY).given(cowBorn(DAISY)).when(milking("0")).thenRejected(OUT_OF_RANGE);
        assertThat(rejections.get(0).field()).isEqualTo("litres");
        milked(DAISY).given(cowBorn(DAISY)).when(milking("-3")).thenRejected(OUT_OF_RANGE);
        milked(DAISY).given(cowBorn(DAISY)).when(milking("0.01"))
                .then(new MilkRecorded(DAISY, MILKED_AT, new BigDecimal("0.01")));
    }

    @Test
    void milking_a_bull_is_rejected() {
        milked(BRUNO).given(bullBorn(BRUNO)).when(new RecordMilking(BRUNO, MILKED_AT, BigDecimal.TEN))
                .thenRejected(NOT_FEMALE);
    }

    @Test
    void milking_a_dead_cow_is_rejected() {
        milked(DAISY).given(cowBorn(DAISY), died(DAISY, LocalDate.of(2026, 11, 1))).when(milking("10"))
                .thenRejected(ANIMAL_NOT_ON_FARM);
    }

    @Test
    void a_milking_later_than_today_is_rejected() {
        milked(DAISY).given(cowBorn(DAISY))
                .when(new RecordMilking(DAISY, Instant.parse("2026-11-28T00:00:00Z"), BigDecimal.TEN))
                .thenRejected(DATE_IN_FUTURE);
        milked(DAISY).given(cowBorn(DAISY))
                .when(new RecordMilking(DAISY, Instant.parse("2026-11-27T23:59:59Z"), BigDecimal.TEN))
                .then(new MilkRecorded(DAISY, Instant.parse("2026-11-27T23:59:59Z"), BigDecimal.TEN));
    }
}
