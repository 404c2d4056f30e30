package io.farmhub.farm.cow;

import static io.farmhub.farm.cow.Herd.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.farm.Location;
import io.farmhub.farm.cow.CowLocations.Stay;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CowLocationsTest {

    private static final LocalDate BORN = LocalDate.of(2022, 3, 1);
    private static final LocalDate HOUSED = LocalDate.of(2026, 11, 1);
    private static final LocalDate SOLD = LocalDate.of(2026, 11, 20);

    private final CowLocations history = Herd.locations(DAISY, List.of(cowBorn(DAISY),
            moved(DAISY, NORTH_MEADOW, MAIN_BARN, HOUSED), sold(DAISY, SOLD)));

    @Test
    void every_stay_has_its_dates() {
        assertThat(history.stays()).containsExactly(new Stay(NORTH_MEADOW, BORN, HOUSED),
                new Stay(MAIN_BARN, HOUSED, SOLD));
        assertThat(history.version()).isEqualTo(3);
        assertThat(history.current()).isEmpty();
    }

    @Test
    void on_the_day_of_a_move_she_is_at_the_new_place_and_on_the_day_she_leaves_nowhere() {
        assertThat(history.locationOn(BORN.minusDays(1))).isEmpty();
        assertThat(history.locationOn(BORN)).contains(NORTH_MEADOW);
        assertThat(history.locationOn(HOUSED.minusDays(1))).contains(NORTH_MEADOW);
        assertThat(history.locationOn(HOUSED)).contains(MAIN_BARN);
        assertThat(history.locationOn(SOLD.minusDays(1))).contains(MAIN_BARN);
        assertThat(history.locationOn(SOLD)).isEmpty();
    }

    @Test
    void an_animal_bought_back_starts_a_new_stay() {
        LocalDate back = LocalDate.of(2026, 11, 25);
        Location south = Location.field("south-field");
        CowLocations again = Herd.locations(DAISY, List.of(cowBorn(DAISY), sold(DAISY, SOLD),
                new CowEvent.AnimalPurchased(DAISY, "HN-1", Sex.F, "Friesian", BORN, back, "Mart", PRICE, south)));
        assertThat(again.stays()).containsExactly(new Stay(NORTH_MEADOW, BORN, SOLD), new Stay(south, back, null));
        assertThat(again.locationOn(back.minusDays(1))).isEmpty();
        assertThat(again.current()).isEqualTo(Optional.of(south));
    }

    @Test
    void an_envelope_already_seen_changes_nothing() {
        var envelopes = Herd.envelopes(DAISY, List.of(cowBorn(DAISY)));
        assertThat(CowLocations.apply(history, envelopes.get(0), cowBorn(DAISY))).isSameAs(history);
    }
}
