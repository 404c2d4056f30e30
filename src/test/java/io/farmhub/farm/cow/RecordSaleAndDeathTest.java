package io.farmhub.farm.cow;

import static org.assertj.core.api.Assertions.tuple;
import io.farmhub.core.Decision;
import io.farmhub.core.StreamId;
import io.farmhub.core.Versioned;
import java.util.Optional;

import static io.farmhub.core.ErrorCode.ANIMAL_NOT_ON_FARM;
import static io.farmhub.core.ErrorCode.ANIMAL_PLEDGED;
import static io.farmhub.core.ErrorCode.DATE_IN_FUTURE;
import static io.farmhub.farm.cow.Herd.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.DomainEvent;
import io.farmhub.farm.DeciderSpec;
import io.farmhub.farm.cow.CowCommand.RecordDeath;
import io.farmhub.farm.cow.CowCommand.RecordSale;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordSaleAndDeathTest {

    private static final LocalDate ON = LocalDate.of(2026, 11, 25);
    private static final DeciderSpec<RecordSale, DomainEvent, Cow> SALE =
            spec(DAISY, (c, cow) -> validated(c, () -> CowDecider.decide(c, cow, CowFacts.departure(Optional.empty()))));
    private static final DeciderSpec<RecordDeath, DomainEvent, Cow> DEATH =
            spec(DAISY, (c, cow) -> validated(c, () -> CowDecider.decide(c, cow, CowFacts.departure(Optional.empty()))));

    private static RecordSale sale(LocalDate on) {
        return new RecordSale(DAISY, on, "Mart Ltd", PRICE);
    }

    private static RecordDeath death(LocalDate on) {
        return new RecordDeath(DAISY, on, "milk fever");
    }

    @Test
    void an_animal_on_the_farm_is_sold() {
        SALE.given(cowBorn(DAISY)).when(sale(ON)).then(sold(DAISY, ON));
    }

    @Test
    void selling_an_unknown_animal_is_rejected() {
        var rejections = SALE.given().when(sale(ON)).thenRejected(ANIMAL_NOT_ON_FARM);
        assertThat(rejections.get(0).field()).isEqualTo("earTag");
        assertThat(rejections.get(0).message()).contains(DAISY);
    }

    @Test
    void selling_a_sold_animal_is_rejected() {
        var rejections = SALE.given(cowBorn(DAISY), sold(DAISY, ON)).when(sale(ON)).thenRejected(ANIMAL_NOT_ON_FARM);
        assertThat(rejections.get(0).message()).contains("sold on " + ON);
    }

    @Test
    void selling_a_dead_animal_is_rejected() {
        SALE.given(cowBorn(DAISY), died(DAISY, ON)).when(sale(ON)).thenRejected(ANIMAL_NOT_ON_FARM);
    }

    @Test
    void selling_a_pledged_animal_is_rejected() {
        var rejections = SALE.given(cowBorn(DAISY), pledged("LOAN-7")).when(sale(ON)).thenRejected(ANIMAL_PLEDGED);
        assertThat(rejections.get(0).message()).contains("LOAN-7");
    }

    @Test
    void an_animal_released_from_her_loan_can_be_sold() {
        SALE.given(cowBorn(DAISY), pledged("LOAN-7"), released("LOAN-7")).when(sale(ON)).then(sold(DAISY, ON));
    }

    @Test
    void released_from_one_loan_but_pledged_to_another_is_still_pledged() {
        SALE.given(cowBorn(DAISY), pledged("LOAN-7"), pledged("LOAN-8"), released("LOAN-7")).when(sale(ON))
                .thenRejected(ANIMAL_PLEDGED);
    }

    @Test
    void a_sale_dated_in_the_future_is_rejected() {
        SALE.given(cowBorn(DAISY)).when(sale(TODAY.plusDays(1))).thenRejected(DATE_IN_FUTURE);
    }

    @Test
    void an_animal_on_the_farm_dies() {
        DEATH.given(cowBorn(DAISY)).when(death(ON)).then(died(DAISY, ON));
    }

    @Test
    void a_pledged_animal_can_die_and_stays_pledged() {
        DEATH.given(cowBorn(DAISY), pledged("LOAN-7")).when(death(ON)).then(died(DAISY, ON));
        Cow after = Cow.AGGREGATE.fold(List.<DomainEvent>of(cowBorn(DAISY), pledged("LOAN-7"), died(DAISY, ON)));
        assertThat(after).isEqualTo(new Cow.Dead(DAISY, Sex.F, ON, java.util.Set.of("LOAN-7")));
    }

    @Test
    void the_death_of_an_unknown_animal_is_rejected() {
        DEATH.given().when(death(ON)).thenRejected(ANIMAL_NOT_ON_FARM);
    }

    @Test
    void an_animal_cannot_die_twice() {
        DEATH.given(cowBorn(DAISY), died(DAISY, ON)).when(death(ON)).thenRejected(ANIMAL_NOT_ON_FARM);
    }

    @Test
    void the_death_of_a_sold_animal_is_rejected() {
        DEATH.given(cowBorn(DAISY), sold(DAISY, ON)).when(death(ON)).thenRejected(ANIMAL_NOT_ON_FARM);
    }

    @Test
    void a_death_dated_in_the_future_is_rejected() {
        DEATH.given(cowBorn(DAISY)).when(death(TODAY.plusDays(1))).thenRejected(DATE_IN_FUTURE);
    }

    private static final LocationFacts SHED_HOUSING_DAISY = barn("calf-shed", 4, BELLA, DAISY);

    @Test
    void an_animal_sold_from_a_barn_gives_her_place_up() {
        Decision d = spec(DAISY, (RecordSale c, Versioned<Cow> cow) -> CowDecider.decide(c, cow,
                CowFacts.departure(Optional.of(SHED_HOUSING_DAISY)))).given(born(DAISY, Sex.F, CALF_SHED))
                .when(sale(ON)).then(sold(DAISY, ON), leftBarn(CALF_SHED, DAISY, ON));
        assertThat(((Decision.Accepted) d).changes()).extracting(c -> c.stream(), c -> c.expectedVersion())
                .containsExactly(tuple(Cow.AGGREGATE.stream(DAISY), 1L), tuple(StreamId.farm("barn", "calf-shed"), 3L));
    }

    @Test
    void an_animal_that_dies_in_a_barn_gives_her_place_up() {
        spec(DAISY, (RecordDeath c, Versioned<Cow> cow) -> CowDecider.decide(c, cow,
                CowFacts.departure(Optional.of(SHED_HOUSING_DAISY)))).given(born(DAISY, Sex.F, CALF_SHED))
                .when(death(ON)).then(died(DAISY, ON), leftBarn(CALF_SHED, DAISY, ON));
    }

    @Test
    void a_pledged_animal_in_a_barn_is_not_sold_and_keeps_her_place() {
        spec(DAISY, (RecordSale c, Versioned<Cow> cow) -> CowDecider.decide(c, cow,
                CowFacts.departure(Optional.of(SHED_HOUSING_DAISY))))
                .given(born(DAISY, Sex.F, CALF_SHED), pledged("LOAN-7")).when(sale(ON)).thenRejected(ANIMAL_PLEDGED);
    }
}
