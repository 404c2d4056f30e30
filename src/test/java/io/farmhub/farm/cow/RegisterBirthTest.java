package io.farmhub.farm.cow;

import static io.farmhub.core.ErrorCode.BARN_FULL;
import static io.farmhub.core.ErrorCode.ANIMAL_EXISTS;
import static io.farmhub.core.ErrorCode.ANIMAL_NOT_ON_FARM;
import static io.farmhub.core.ErrorCode.DATE_IN_FUTURE;
import static io.farmhub.core.ErrorCode.NOT_FEMALE;
import static io.farmhub.core.ErrorCode.UNKNOWN_LOCATION;
import static io.farmhub.farm.cow.Herd.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.Decision;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.StreamId;
import io.farmhub.core.Versioned;
import io.farmhub.farm.DeciderSpec;
import io.farmhub.farm.cow.CowCommand.RegisterBirth;
import io.farmhub.farm.cow.CowEvent.AnimalBorn;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegisterBirthTest {

    private static final LocalDate BORN_ON = LocalDate.of(2026, 11, 20);
    private static final LocationFacts MEADOW_REGISTERED = LocationFacts.field("north-meadow", 3);

    private static DeciderSpec<RegisterBirth, DomainEvent, Cow> calf(Optional<Versioned<Cow>> dam,
            LocationFacts location) {
        return spec(CALF, (c, cow) -> validated(c, () -> CowDecider.decide(c, cow, CowFacts.birth(dam, location))));
    }

    private static RegisterBirth birth(String damEarTag, LocalDate bornOn) {
        return new RegisterBirth(CALF, "HN-1234", Sex.F, "Friesian", bornOn, damEarTag, NORTH_MEADOW);
    }

    private static AnimalBorn calfBorn(String damEarTag, LocalDate bornOn) {
        return new AnimalBorn(CALF, "HN-1234", Sex.F, "Friesian", bornOn, damEarTag, NORTH_MEADOW);
    }

    @Test
    void a_calf_born_to_a_cow_on_the_farm_is_registered() {
        Versioned<Cow> daisy = state(DAISY, cowBorn(DAISY));
        Decision decision = calf(Optional.of(daisy), MEADOW_REGISTERED).given()
                .when(birth(DAISY, BORN_ON)).then(calfBorn(DAISY, BORN_ON));
        assertThat(((Decision.Accepted) decision).reads()).containsEntry(Cow.AGGREGATE.stream(DAISY), 1L)
                .containsEntry(StreamId.farm("field", "north-meadow"), 3L)
                .containsEntry(Cow.AGGREGATE.stream(CALF), 0L);
    }

    @Test
    void a_calf_without_a_named_dam_is_registered() {
        calf(Optional.empty(), MEADOW_REGISTERED).given().when(birth(null, BORN_ON)).then(calfBorn(null, BORN_ON));
    }

    @Test
    void a_birth_dated_today_is_registered() {
        calf(Optional.empty(), MEADOW_REGISTERED).given().when(birth(null, TODAY)).then(calfBorn(null, TODAY));
    }

    @Test
    void an_ear_tag_already_used_is_rejected() {
        calf(Optional.empty(), MEADOW_REGISTERED).given(cowBorn(CALF)).when(birth(null, BORN_ON))
                .thenRejected(ANIMAL_EXISTS);
    }

    @Test
    void the_tag_of_an_animal_sold_long_ago_is_not_reused() {
        calf(Optional.empty(), MEADOW_REGISTERED).given(cowBorn(CALF), sold(CALF, LocalDate.of(2024, 1, 1)))
                .when(birth(null, BORN_ON)).thenRejected(ANIMAL_EXISTS);
    }

    @Test
    void a_birth_in_an_unregistered_field_is_rejected() {
        var rejections = calf(Optional.empty(), LocationFacts.unregistered(NORTH_MEADOW)).given()
                .when(birth(null, BORN_ON)).thenRejected(UNKNOWN_LOCATION);
        assertThat(rejections.get(0).field()).isEqualTo("location");
        assertThat(rejections.get(0).message()).contains("field:north-meadow");
    }

    @Test
    void a_birth_date_in_the_future_is_rejected() {
        var rejections = calf(Optional.empty(), MEADOW_REGISTERED).given()
                .when(birth(null, TODAY.plusDays(1))).thenRejected(DATE_IN_FUTURE);
        assertThat(rejections.get(0).field()).isEqualTo("bornOn");
    }

    @Test
    void every_independent_broken_rule_is_reported() {
        calf(Optional.empty(), LocationFacts.unregistered(NORTH_MEADOW)).given(cowBorn(CALF))
                .when(birth(null, BORN_ON)).thenRejected(ANIMAL_EXISTS, UNKNOWN_LOCATION);
    }

    @Test
    void a_dam_the_farm_does_not_know_is_rejected() {
        var rejections = calf(Optional.of(state(DAISY)), MEADOW_REGISTERED).given()
                .when(birth(DAISY, BORN_ON)).thenRejected(ANIMAL_NOT_ON_FARM);
        assertThat(rejections.get(0).field()).isEqualTo("damEarTag");
    }

    @Test
    void a_male_dam_is_rejected() {
        var rejections = calf(Optional.of(state(BRUNO, bullBorn(BRUNO))), MEADOW_REGISTERED).given()
                .when(birth(BRUNO, BORN_ON)).thenRejected(NOT_FEMALE);
        assertThat(rejections.get(0).field()).isEqualTo("damEarTag");
    }

    @Test
    void a_dam_sold_before_the_birth_is_rejected() {
        Versioned<Cow> daisy = state(DAISY, cowBorn(DAISY), sold(DAISY, BORN_ON.minusDays(1)));
        calf(Optional.of(daisy), MEADOW_REGISTERED).given().when(birth(DAISY, BORN_ON))
                .thenRejected(ANIMAL_NOT_ON_FARM);
    }

    @Test
    void a_dam_that_died_before_the_birth_is_rejected() {
        Versioned<Cow> daisy = state(DAISY, cowBorn(DAISY), died(DAISY, BORN_ON.minusDays(1)));
        calf(Optional.of(daisy), MEADOW_REGISTERED).given().when(birth(DAISY, BORN_ON))
                .thenRejected(ANIMAL_NOT_ON_FARM);
    }

    @Test
    void a_dam_that_died_calving_is_still_the_dam() {
        Versioned<Cow> daisy = state(DAISY, cowBorn(DAISY), died(DAISY, BORN_ON));
        calf(Optional.of(daisy), MEADOW_REGISTERED).given().when(birth(DAISY, BORN_ON))
                .then(calfBorn(DAISY, BORN_ON));
    }

    @Test
    void a_birth_registered_after_the_dam_was_sold_is_accepted() {
        Versioned<Cow> daisy = state(DAISY, cowBorn(DAISY), sold(DAISY, BORN_ON.plusDays(2)));
        calf(Optional.of(daisy), MEADOW_REGISTERED).given().when(birth(DAISY, BORN_ON))
                .then(calfBorn(DAISY, BORN_ON));
    }

    @Test
    void a_calf_born_in_a_barn_takes_a_place_there() {
        RegisterBirth inShed = new RegisterBirth(CALF, "HN-1234", Sex.M, "Angus", BORN_ON, null, CALF_SHED);
        Decision d = calf(Optional.empty(), barn("calf-shed", 2, BELLA)).given().when(inShed)
                .then(new AnimalBorn(CALF, "HN-1234", Sex.M, "Angus", BORN_ON, null, CALF_SHED),
                        housed(CALF_SHED, CALF, BORN_ON));
        assertThat(((Decision.Accepted) d).changes()).extracting(c -> c.stream(), c -> c.expectedVersion())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Cow.AGGREGATE.stream(CALF), 0L),
                        org.assertj.core.groups.Tuple.tuple(StreamId.farm("barn", "calf-shed"), 2L));
    }

    @Test
    void a_calf_born_into_a_full_barn_is_rejected() {
        // "Barn not over capacity" holds for a birth too (domain.md): the calf goes on record elsewhere.
        RegisterBirth inShed = new RegisterBirth(CALF, "HN-1234", Sex.M, "Angus", BORN_ON, null, CALF_SHED);
        var rejections = calf(Optional.empty(), barn("calf-shed", 1, BELLA)).given().when(inShed)
                .thenRejected(BARN_FULL);
        assertThat(rejections.get(0).field()).isEqualTo("location");
    }

    @Test
    void the_birth_reads_the_dam_and_the_field_at_their_versions() {
        Versioned<Cow> daisy = state(DAISY, cowBorn(DAISY));
        Decision d = calf(Optional.of(daisy), MEADOW_REGISTERED).given().when(birth(DAISY, BORN_ON))
                .then(calfBorn(DAISY, BORN_ON));
        assertThat(((Decision.Accepted) d).reads()).containsOnly(java.util.Map.entry(Cow.AGGREGATE.stream(CALF), 0L),
                java.util.Map.entry(Cow.AGGREGATE.stream(DAISY), 1L),
                java.util.Map.entry(StreamId.farm("field", "north-meadow"), 3L));
    }
}
