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
import io.farmhub.core.StreamChange;
import io.farmhub.core.StreamId;
import io.farmhub.farm.DeciderSpec;
import io.farmhub.farm.Location;
import io.farmhub.farm.cow.CowCommand.RelocateAnimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelocateAnimalTest {

    private static final LocalDate MOVED_ON = LocalDate.of(2026, 11, 20);
    private static final StreamId DAISYS_STREAM = Cow.AGGREGATE.stream(DAISY);
    private static final StreamId MAIN_BARNS_STREAM = StreamId.farm("barn", "main-barn");
    private static final StreamId CALF_SHEDS_STREAM = StreamId.farm("barn", "calf-shed");

    /** Moving from a field: no barn to leave. */
    private static DeciderSpec<RelocateAnimal, DomainEvent, Cow> to(LocationFacts destination) {
        return from(destination, Optional.empty());
    }

    private static DeciderSpec<RelocateAnimal, DomainEvent, Cow> from(LocationFacts destination,
            Optional<LocationFacts> barnLeft) {
        return spec(DAISY, (c, cow) -> validated(c, () -> CowDecider.decide(c, cow, CowFacts.move(destination, barnLeft))));
    }

    private static RelocateAnimal move(Location to) {
        return new RelocateAnimal(DAISY, to, MOVED_ON);
    }

    @Test
    void an_animal_moves_from_the_field_into_a_barn_and_takes_a_place_there() {
        Decision d = to(barn("main-barn", 10, others(3))).given(cowBorn(DAISY)).when(move(MAIN_BARN))
                .then(moved(DAISY, NORTH_MEADOW, MAIN_BARN, MOVED_ON), housed(MAIN_BARN, DAISY, MOVED_ON));
        Decision.Accepted accepted = (Decision.Accepted) d;
        assertThat(accepted.changes()).extracting(StreamChange::stream, StreamChange::expectedVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DAISYS_STREAM, 1L),
                        org.assertj.core.groups.Tuple.tuple(MAIN_BARNS_STREAM, 4L));
        assertThat(accepted.reads()).containsOnly(Map.entry(DAISYS_STREAM, 1L), Map.entry(MAIN_BARNS_STREAM, 4L));
    }

    @Test
    void a_move_from_barn_to_barn_writes_three_streams_each_at_the_version_read() {
        LocationFacts calfShed = barn("calf-shed", 5, DAISY, BELLA);
        Decision d = from(barn("main-barn", 10, others(2)), Optional.of(calfShed))
                .given(born(DAISY, Sex.F, CALF_SHED)).when(move(MAIN_BARN))
                .then(moved(DAISY, CALF_SHED, MAIN_BARN, MOVED_ON), housed(MAIN_BARN, DAISY, MOVED_ON),
                        leftBarn(CALF_SHED, DAISY, MOVED_ON));
        Decision.Accepted accepted = (Decision.Accepted) d;
        assertThat(accepted.changes()).extracting(StreamChange::stream, StreamChange::expectedVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DAISYS_STREAM, 1L),
                        org.assertj.core.groups.Tuple.tuple(MAIN_BARNS_STREAM, 3L),
                        org.assertj.core.groups.Tuple.tuple(CALF_SHEDS_STREAM, 3L));
        assertThat(accepted.reads()).containsOnly(Map.entry(DAISYS_STREAM, 1L), Map.entry(MAIN_BARNS_STREAM, 3L),
                Map.entry(CALF_SHEDS_STREAM, 3L));
    }

    @Test
    void a_move_from_a_barn_into_a_field_writes_the_cow_and_gives_the_place_up() {
        Decision d = from(LocationFacts.field("north-meadow", 2), Optional.of(barn("calf-shed", 5, DAISY)))
                .given(born(DAISY, Sex.F, CALF_SHED)).when(move(NORTH_MEADOW))
                .then(moved(DAISY, CALF_SHED, NORTH_MEADOW, MOVED_ON), leftBarn(CALF_SHED, DAISY, MOVED_ON));
        Decision.Accepted accepted = (Decision.Accepted) d;
        assertThat(accepted.changes()).extracting(StreamChange::stream)
                .containsExactly(DAISYS_STREAM, CALF_SHEDS_STREAM);
        assertThat(accepted.reads()).as("the field is only read: its registration decided the move")
                .containsOnly(Map.entry(DAISYS_STREAM, 1L), Map.entry(StreamId.farm("field", "north-meadow"), 2L),
                        Map.entry(CALF_SHEDS_STREAM, 2L));
    }

    @Test
    void a_cow_whose_barn_never_housed_her_leaves_it_with_no_barn_event() {
        // A barn registered before AnimalHoused existed holds no place for the cows already in it.
        from(LocationFacts.field("north-meadow", 2), Optional.of(barn("calf-shed", 5)))
                .given(born(DAISY, Sex.F, CALF_SHED)).when(move(NORTH_MEADOW))
                .then(moved(DAISY, CALF_SHED, NORTH_MEADOW, MOVED_ON));
    }

    @Test
    void relocating_a_sold_animal_is_rejected() {
        to(barn("main-barn", 10)).given(cowBorn(DAISY), sold(DAISY, MOVED_ON.minusDays(3)))
                .when(move(MAIN_BARN)).thenRejected(ANIMAL_NOT_ON_FARM);
    }

    @Test
    void relocating_an_unknown_animal_is_rejected() {
        to(barn("main-barn", 10)).given().when(move(MAIN_BARN)).thenRejected(ANIMAL_NOT_ON_FARM);
    }

    @Test
    void relocating_to_an_unregistered_place_is_rejected() {
        var rejections = to(LocationFacts.unregistered(CALF_SHED)).given(cowBorn(DAISY))
                .when(move(CALF_SHED)).thenRejected(UNKNOWN_LOCATION);
        assertThat(rejections.get(0).field()).isEqualTo("to");
        assertThat(rejections.get(0).message()).contains("barn:calf-shed");
    }

    @Test
    void a_sold_animal_and_an_unknown_place_are_both_reported() {
        to(LocationFacts.unregistered(CALF_SHED)).given(cowBorn(DAISY), died(DAISY, MOVED_ON))
                .when(move(CALF_SHED)).thenRejected(ANIMAL_NOT_ON_FARM, UNKNOWN_LOCATION);
    }

    @Test
    void relocating_to_where_the_animal_already_is_is_rejected() {
        var rejections = to(LocationFacts.field("north-meadow", 1)).given(cowBorn(DAISY))
                .when(move(NORTH_MEADOW)).thenRejected(ALREADY_THERE);
        assertThat(rejections.get(0).message()).isEqualTo(DAISY + " is already in field:north-meadow.");
    }

    @Test
    void an_animal_moved_away_and_back_is_not_already_there() {
        to(LocationFacts.field("north-meadow", 1))
                .given(cowBorn(DAISY), moved(DAISY, NORTH_MEADOW, Location.field("south-field"), MOVED_ON.minusDays(5)))
                .when(move(NORTH_MEADOW)).then(moved(DAISY, Location.field("south-field"), NORTH_MEADOW, MOVED_ON));
    }

    @Test
    void a_barn_exactly_at_capacity_takes_no_more_animals() {
        var rejections = to(barn("main-barn", 10, others(10))).given(cowBorn(DAISY)).when(move(MAIN_BARN))
                .thenRejected(BARN_FULL);
        assertThat(rejections.get(0).field()).isEqualTo("to");
        assertThat(rejections.get(0).message()).contains("barn:main-barn", "10");
    }

    @Test
    void the_last_place_in_a_barn_can_be_filled() {
        to(barn("main-barn", 10, others(9))).given(cowBorn(DAISY)).when(move(MAIN_BARN))
                .then(moved(DAISY, NORTH_MEADOW, MAIN_BARN, MOVED_ON), housed(MAIN_BARN, DAISY, MOVED_ON));
    }

    @Test
    void a_full_barn_refuses_the_move_and_writes_no_stream() {
        Decision d = from(barn("main-barn", 1, BELLA), Optional.of(barn("calf-shed", 5, DAISY)))
                .given(born(DAISY, Sex.F, CALF_SHED)).when(move(MAIN_BARN)).decision();
        assertThat(d).isInstanceOf(Decision.Rejected.class);
        assertThat(((Decision.Rejected) d).rejections()).extracting(r -> r.code()).containsExactly(BARN_FULL);
    }

    @Test
    void a_field_has_no_capacity() {
        to(LocationFacts.field("south-field", 2)).given(cowBorn(DAISY))
                .when(move(Location.field("south-field")))
                .then(moved(DAISY, NORTH_MEADOW, Location.field("south-field"), MOVED_ON));
    }

    @Test
    void the_move_is_decided_on_the_versions_read() {
        // The decision names the versions it read; a barn that gained an animal meanwhile is at another one.
        List<StreamChange> changes = ((Decision.Accepted) to(barn("main-barn", 2, BELLA)).given(cowBorn(DAISY))
                .when(move(MAIN_BARN)).decision()).changes();
        assertThat(changes.get(1).expectedVersion()).isEqualTo(2L);
    }

    @Test
    void a_move_dated_in_the_future_is_rejected() {
        to(barn("main-barn", 10)).given(cowBorn(DAISY))
                .when(new RelocateAnimal(DAISY, MAIN_BARN, TODAY.plusDays(1))).thenRejected(DATE_IN_FUTURE);
    }
}
