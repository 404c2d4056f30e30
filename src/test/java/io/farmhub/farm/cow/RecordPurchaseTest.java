package io.farmhub.farm.cow;

import static io.farmhub.core.ErrorCode.ANIMAL_EXISTS;
import static io.farmhub.core.ErrorCode.ANIMAL_ON_FARM;
import static io.farmhub.core.ErrorCode.BARN_FULL;
import static io.farmhub.core.ErrorCode.DATE_IN_FUTURE;
import static io.farmhub.core.ErrorCode.UNKNOWN_LOCATION;
import static io.farmhub.farm.cow.Herd.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.farmhub.core.Decision;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.StreamId;
import io.farmhub.farm.DeciderSpec;
import io.farmhub.farm.cow.CowCommand.RecordPurchase;
import io.farmhub.farm.cow.CowEvent.AnimalPurchased;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordPurchaseTest {

    private static final LocalDate BORN_ON = LocalDate.of(2024, 2, 1);
    private static final LocalDate PURCHASED_ON = LocalDate.of(2026, 11, 2);

    private static DeciderSpec<RecordPurchase, DomainEvent, Cow> daisy(LocationFacts location) {
        return spec(DAISY, (c, cow) -> validated(c, () -> CowDecider.decide(c, cow, CowFacts.arrival(location))));
    }

    private static final DeciderSpec<RecordPurchase, DomainEvent, Cow> INTO_MAIN_BARN =
            daisy(barn("main-barn", 40, BELLA));

    private static RecordPurchase purchase(LocalDate purchasedOn) {
        return new RecordPurchase(DAISY, "HN-9999", Sex.F, "Jersey", BORN_ON, purchasedOn, "Kelly's Farm", PRICE,
                MAIN_BARN);
    }

    private static AnimalPurchased purchased(LocalDate purchasedOn) {
        return new AnimalPurchased(DAISY, "HN-9999", Sex.F, "Jersey", BORN_ON, purchasedOn, "Kelly's Farm", PRICE,
                MAIN_BARN);
    }

    @Test
    void an_animal_bought_in_is_recorded() {
        Decision d = INTO_MAIN_BARN.given().when(purchase(PURCHASED_ON))
                .then(purchased(PURCHASED_ON), housed(MAIN_BARN, DAISY, PURCHASED_ON));
        assertThat(((Decision.Accepted) d).changes()).extracting(c -> c.stream(), c -> c.expectedVersion())
                .containsExactly(tuple(Cow.AGGREGATE.stream(DAISY), 0L), tuple(StreamId.farm("barn", "main-barn"), 2L));
        assertThat(((Decision.Accepted) d).reads()).containsOnly(Map.entry(Cow.AGGREGATE.stream(DAISY), 0L),
                Map.entry(StreamId.farm("barn", "main-barn"), 2L));
    }

    @Test
    void an_animal_already_on_the_farm_cannot_be_bought() {
        var rejections = INTO_MAIN_BARN.given(cowBorn(DAISY)).when(purchase(PURCHASED_ON))
                .thenRejected(ANIMAL_ON_FARM);
        assertThat(rejections.get(0).field()).isEqualTo("earTag");
    }

    @Test
    void an_animal_sold_earlier_can_be_bought_back() {
        INTO_MAIN_BARN.given(cowBorn(DAISY), sold(DAISY, LocalDate.of(2025, 5, 1))).when(purchase(PURCHASED_ON))
                .then(purchased(PURCHASED_ON), housed(MAIN_BARN, DAISY, PURCHASED_ON));
    }

    @Test
    void an_animal_that_died_cannot_be_bought() {
        INTO_MAIN_BARN.given(cowBorn(DAISY), died(DAISY, LocalDate.of(2025, 5, 1))).when(purchase(PURCHASED_ON))
                .thenRejected(ANIMAL_EXISTS);
    }

    @Test
    void a_purchase_into_an_unregistered_barn_is_rejected() {
        var rejections = daisy(LocationFacts.unregistered(MAIN_BARN)).given().when(purchase(PURCHASED_ON))
                .thenRejected(UNKNOWN_LOCATION);
        assertThat(rejections.get(0).field()).isEqualTo("location");
    }

    @Test
    void a_purchase_date_in_the_future_is_rejected() {
        var rejections = INTO_MAIN_BARN.given().when(purchase(TODAY.plusDays(1))).thenRejected(DATE_IN_FUTURE);
        assertThat(rejections.get(0).field()).isEqualTo("purchasedOn");
    }

    @Test
    void the_animal_on_farm_and_the_unknown_place_are_both_reported() {
        daisy(LocationFacts.unregistered(MAIN_BARN)).given(cowBorn(DAISY)).when(purchase(PURCHASED_ON))
                .thenRejected(ANIMAL_ON_FARM, UNKNOWN_LOCATION);
    }

    @Test
    void a_purchase_into_a_full_barn_is_rejected() {
        var rejections = daisy(barn("main-barn", 2, BELLA, BRUNO)).given().when(purchase(PURCHASED_ON))
                .thenRejected(BARN_FULL);
        assertThat(rejections.get(0).field()).isEqualTo("location");
    }

    @Test
    void a_purchase_into_a_field_writes_only_the_cow() {
        RecordPurchase intoField = new RecordPurchase(DAISY, "HN-9999", Sex.F, "Jersey", BORN_ON, PURCHASED_ON,
                "Kelly's Farm", PRICE, NORTH_MEADOW);
        Decision d = daisy(LocationFacts.field("north-meadow", 1)).given().when(intoField).then(new AnimalPurchased(
                DAISY, "HN-9999", Sex.F, "Jersey", BORN_ON, PURCHASED_ON, "Kelly's Farm", PRICE, NORTH_MEADOW));
        assertThat(((Decision.Accepted) d).reads()).containsOnly(Map.entry(Cow.AGGREGATE.stream(DAISY), 0L),
                Map.entry(StreamId.farm("field", "north-meadow"), 1L));
    }
}
