package io.farmhub.farm.cow;

import static io.farmhub.core.ErrorCode.ALREADY_THERE;
import static io.farmhub.core.ErrorCode.ANIMAL_NOT_ON_FARM;
import static io.farmhub.core.ErrorCode.BARN_FULL;
import static io.farmhub.core.ErrorCode.DATE_IN_FUTURE;
import static io.farmhub.core.ErrorCode.UNKNOWN_LOCATION;
import static io.farmhub.farm.cow.Herd.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.Decision;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.StreamId;
import io.farmhub.farm.DeciderSpec;
import io.farmhub.farm.Location;
import io.farmhub.farm.cow.CowCommand.RelocateAnimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelocateAnimalTest {

    private static final LocalDate MOVED_ON = LocalDate.of(2026, 11, 20);
    private static final LocationFacts MAIN_BARN_OF_10 = LocationFacts.barn("main-barn", 1, 10);

    private static DeciderSpec<RelocateAnimal, DomainEvent, Cow> to(LocationFacts destination, BarnOccupancy inside) {
        return spec(DAISY, (c, cow) -> CowDecider.decide(c, cow, destination, inside, TODAY));
    }

    private static RelocateAnimal move(Location to) {
        return new RelocateAnimal(DAISY, to, MOVED_ON);
    }

    @Test
    void an_animal_moves_from_the_field_to_the_barn() {
        to(MAIN_BARN_OF_10, BarnOccupancy.of(3)).given(cowBorn(DAISY)).when(move(MAIN_BARN))
                .then(moved(DAISY, NORTH_MEADOW, MAIN_BARN, MOVED_ON));
    }

    @Test
    void the_decision_reads_the_destination_and_the_animals_counted_in_the_barn() {
        StreamId bella = Cow.AGGREGATE.stream(BELLA);
        Decision d = to(MAIN_BARN_OF_10, new BarnOccupancy(1, Map.of(bella, 4L))).given(cowBorn(DAISY))
                .when(move(MAIN_BARN)).then(moved(DAISY, NORTH_MEADOW, MAIN_BARN, MOVED_ON));
        assertThat(((Decision.Accepted) d).reads()).containsOnly(Map.entry(bella, 4L),
                Map.entry(StreamId.farm("barn", "main-barn"), 1L), Map.entry(Cow.AGGREGATE.stream(DAISY), 1L));
    }

    @Test
    void relocating_a_sold_animal_is_rejected() {
        to(MAIN_BARN_OF_10, BarnOccupancy.of(0)).given(cowBorn(DAISY), sold(DAISY, MOVED_ON.minusDays(3)))
                .when(move(MAIN_BARN)).thenRejected(ANIMAL_NOT_ON_FARM);
    }

    @Test
    void relocating_an_unknown_animal_is_rejected() {
        to(MAIN_BARN_OF_10, BarnOccupancy.of(0)).given().when(move(MAIN_BARN)).thenRejected(ANIMAL_NOT_ON_FARM);
    }

    @Test
    void relocating_to_an_unregistered_place_is_rejected() {
        var rejections = to(LocationFacts.unregistered(CALF_SHED), BarnOccupancy.of(0)).given(cowBorn(DAISY))
                .when(move(CALF_SHED)).thenRejected(UNKNOWN_LOCATION);
        assertThat(rejections.get(0).field()).isEqualTo("to");
        assertThat(rejections.get(0).message()).contains("barn:calf-shed");
    }

    @Test
    void a_sold_animal_and_an_unknown_place_are_both_reported() {
        to(LocationFacts.unregistered(CALF_SHED), BarnOccupancy.of(0)).given(cowBorn(DAISY), died(DAISY, MOVED_ON))
                .when(move(CALF_SHED)).thenRejected(ANIMAL_NOT_ON_FARM, UNKNOWN_LOCATION);
    }

    @Test
    void relocating_to_where_the_animal_already_is_is_rejected() {
        var rejections = to(LocationFacts.field("north-meadow", 1), BarnOccupancy.of(0)).given(cowBorn(DAISY))
                .when(move(NORTH_MEADOW)).thenRejected(ALREADY_THERE);
        assertThat(rejections.get(0).message()).isEqualTo(DAISY + " is already in field:north-meadow.");
    }

    @Test
    void an_animal_moved_away_and_back_is_not_already_there() {
        to(LocationFacts.field("north-meadow", 1), BarnOccupancy.of(0))
                .given(cowBorn(DAISY), moved(DAISY, NORTH_MEADOW, MAIN_BARN, MOVED_ON.minusDays(5)))
                .when(move(NORTH_MEADOW)).then(moved(DAISY, MAIN_BARN, NORTH_MEADOW, MOVED_ON));
    }

    @Test
    void a_barn_exactly_at_capacity_takes_no_more_animals() {
        var rejections = to(MAIN_BARN_OF_10, BarnOccupancy.of(10)).given(cowBorn(DAISY)).when(move(MAIN_BARN))
                .thenRejected(BARN_FULL);
        assertThat(rejections.get(0).field()).isEqualTo("to");
    }

    @Test
    void the_last_place_in_a_barn_can_be_filled() {
        to(MAIN_BARN_OF_10, BarnOccupancy.of(9)).given(cowBorn(DAISY)).when(move(MAIN_BARN))
                .then(moved(DAISY, NORTH_MEADOW, MAIN_BARN, MOVED_ON));
    }

    @Test
    void a_field_has_no_capacity() {
        to(LocationFacts.field("south-field", 2), BarnOccupancy.of(500)).given(cowBorn(DAISY))
                .when(move(Location.field("south-field")))
                .then(moved(DAISY, NORTH_MEADOW, Location.field("south-field"), MOVED_ON));
    }

    @Test
    void a_move_dated_in_the_future_is_rejected() {
        to(MAIN_BARN_OF_10, BarnOccupancy.of(0)).given(cowBorn(DAISY))
                .when(new RelocateAnimal(DAISY, MAIN_BARN, TODAY.plusDays(1))).thenRejected(DATE_IN_FUTURE);
    }
}
