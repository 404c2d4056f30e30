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

    @Test
    void occupancy_counts_the_cows_moved_in_and_not_out() {
        BarnSummary s = replay(SHED);
        s = BarnSummary.cowMovedIn(s, "IE12345670012", 1);
        assertThat(s.occupancy()).isEqualTo(1);
        assertThat(s.full()).isFalse();
        s = BarnSummary.cowMovedIn(s, "IE12345670013", 3);
        assertThat(s.occupancy()).isEqualTo(2);
        assertThat(s.capacity()).isEqualTo(2);
        assertThat(s.full()).as("exactly at capacity is full").isTrue();
        s = BarnSummary.cowMovedOut(s, "IE12345670012", 2);
        assertThat(s.occupancy()).isEqualTo(1);
        assertThat(s.full()).isFalse();
        assertThat(s.occupants()).containsExactly("IE12345670013");
    }

    @Test
    void a_repeated_or_older_cow_notification_changes_nothing() {
        BarnSummary in = BarnSummary.cowMovedIn(replay(SHED), "IE12345670012", 4);
        assertThat(BarnSummary.cowMovedIn(in, "IE12345670012", 4)).isSameAs(in);
        BarnSummary out = BarnSummary.cowMovedOut(in, "IE12345670012", 5);
        assertThat(BarnSummary.cowMovedIn(out, "IE12345670012", 4)).as("late, older move-in").isSameAs(out);
        assertThat(out.occupancy()).isZero();
    }

    @Test
    void a_cow_move_keeps_the_barn_stream_version() {
        BarnSummary s = replay(SHED);
        assertThat(BarnSummary.cowMovedIn(s, "IE12345670012", 9).version()).isEqualTo(1);
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
        BarnSummary s = BarnSummary.cowMovedIn(BarnSummary.cowMovedIn(replay(SHED), "IE12345670012", 1),
                "IE12345670013", 1);
        JsonNode json = Json.MAPPER.valueToTree(s);
        assertThat(json.get("occupancy").asInt()).isEqualTo(2);
        assertThat(json.get("capacity").asInt()).isEqualTo(2);
        assertThat(json.get("full").asBoolean()).isTrue();
        assertThat(Json.MAPPER.treeToValue(json, BarnSummary.class)).isEqualTo(s);
    }
}
