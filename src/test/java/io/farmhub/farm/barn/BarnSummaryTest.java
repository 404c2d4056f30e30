package io.farmhub.farm.barn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.Json;
import io.farmhub.farm.StoredEvents;
import io.farmhub.farm.StoredEvents.Stored;
import io.farmhub.farm.barn.BarnEvent.BarnTemperatureAlertCleared;
import io.farmhub.farm.barn.BarnEvent.BarnTemperatureAlertRaised;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarnSummaryTest {

    static final EventTypeRegistry REGISTRY = StoredEvents.registry();
    static final String CODE = "calf-shed";

    static BarnSummary replay(DomainEvent... events) {
        BarnSummary summary = BarnSummary.empty(CODE);
        for (Stored s : StoredEvents.stored(REGISTRY, Barn.AGGREGATE.stream(CODE), List.of(events))) {
            summary = BarnSummary.apply(summary, s.envelope(), s.event());
        }
        return summary;
    }

    static final BarnEvent.BarnRegistered SHED =
            new BarnEvent.BarnRegistered(CODE, "Calf shed", 2, LocalDate.parse("2026-01-10"));

    static final String DAISY = "IE12345670012";
    static final String BELLA = "IE12345670013";
    static final LocalDate ON = LocalDate.parse("2026-11-20");

    @Test
    void occupancy_and_the_cows_housed_come_from_the_barns_own_events() {
        BarnSummary s = replay(SHED, new BarnEvent.AnimalHoused(CODE, DAISY, ON));
        assertThat(s.occupancy()).isEqualTo(1);
        assertThat(s.full()).isFalse();
        s = replay(SHED, new BarnEvent.AnimalHoused(CODE, DAISY, ON), new BarnEvent.AnimalHoused(CODE, BELLA, ON));
        assertThat(s.occupancy()).isEqualTo(2);
        assertThat(s.capacity()).isEqualTo(2);
        assertThat(s.full()).as("exactly at capacity is full").isTrue();
        s = replay(SHED, new BarnEvent.AnimalHoused(CODE, DAISY, ON), new BarnEvent.AnimalHoused(CODE, BELLA, ON),
                new BarnEvent.AnimalLeftBarn(CODE, DAISY, ON.plusDays(1)));
        assertThat(s.occupancy()).isEqualTo(1);
        assertThat(s.full()).isFalse();
        assertThat(s.occupants()).containsExactly(BELLA);
        assertThat(s.version()).as("the barn's own stream version").isEqualTo(4);
    }

    @Test
    void an_animal_that_left_and_came_back_is_housed_once() {
        BarnSummary s = replay(SHED, new BarnEvent.AnimalHoused(CODE, DAISY, ON),
                new BarnEvent.AnimalLeftBarn(CODE, DAISY, ON), new BarnEvent.AnimalHoused(CODE, DAISY, ON.plusDays(2)));
        assertThat(s.occupants()).containsExactly(DAISY);
    }

    @Test
    void an_envelope_already_seen_changes_nothing() {
        List<Stored> stored = StoredEvents.stored(REGISTRY, Barn.AGGREGATE.stream(CODE),
                List.of(SHED, new BarnEvent.AnimalHoused(CODE, DAISY, ON)));
        BarnSummary s = BarnSummary.empty(CODE);
        for (Stored e : stored) {
            s = BarnSummary.apply(s, e.envelope(), e.event());
        }
        assertThat(BarnSummary.apply(s, stored.get(1).envelope(), stored.get(1).event())).isSameAs(s);
        assertThat(s.occupancy()).isEqualTo(1);
    }

    @Test
    void the_summary_shows_the_last_temperature_and_whether_an_alert_is_open() {
        var raised = new BarnTemperatureAlertRaised(CODE, BarnDeciderTest.minutes(1), new BigDecimal("30.4"));
        BarnSummary open = replay(SHED, BarnDeciderTest.recorded(BarnDeciderTest.T0, "30.0"), raised);
        assertThat(open.name()).isEqualTo("Calf shed");
        assertThat(open.alertOpen()).isTrue();
        assertThat(open.alertRaisedAt()).isEqualTo(BarnDeciderTest.minutes(1));
        assertThat(open.lastTemperature()).isEqualTo(new Barn.Reading(BarnDeciderTest.minutes(1), new BigDecimal("30.4")));

        BarnSummary cleared = replay(SHED, BarnDeciderTest.recorded(BarnDeciderTest.T0, "30.0"), raised,
                new BarnTemperatureAlertCleared(CODE, BarnDeciderTest.minutes(2), new BigDecimal("29.9")));
        assertThat(cleared.alertOpen()).isFalse();
        assertThat(cleared.alertRaisedAt()).isNull();
        assertThat(cleared.lastTemperature().celsius()).isEqualByComparingTo("29.9");
        assertThat(cleared.version()).isEqualTo(4);
    }

    @Test
    void the_json_shows_occupancy_and_capacity_and_reads_back() throws Exception {
        BarnSummary s = replay(SHED, new BarnEvent.AnimalHoused(CODE, DAISY, ON),
                new BarnEvent.AnimalHoused(CODE, BELLA, ON));
        JsonNode json = Json.MAPPER.valueToTree(s);
        assertThat(json.get("occupancy").asInt()).isEqualTo(2);
        assertThat(json.get("capacity").asInt()).isEqualTo(2);
        assertThat(json.get("full").asBoolean()).isTrue();
        assertThat(Json.MAPPER.treeToValue(json, BarnSummary.class)).isEqualTo(s);
    }
}
