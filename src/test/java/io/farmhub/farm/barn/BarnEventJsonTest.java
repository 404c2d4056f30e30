package io.farmhub.farm.barn;

import io.farmhub.core.EventTypeRegistry;
import io.farmhub.farm.EventApproval;
import io.farmhub.farm.StoredEvents;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BarnEventJsonTest {

    static final EventTypeRegistry REGISTRY = StoredEvents.registry();
    static final io.farmhub.core.StreamId STREAM = Barn.AGGREGATE.stream(BarnDeciderTest.CODE);

    @Test
    void barn_registered() {
        EventApproval.verify(REGISTRY, STREAM, BarnDeciderTest.REGISTERED);
    }

    @Test
    void barn_temperature_recorded() {
        EventApproval.verify(REGISTRY, STREAM, BarnDeciderTest.recorded(BarnDeciderTest.T0, "18.5"));
    }

    @Test
    void barn_temperature_alert_raised() {
        EventApproval.verify(REGISTRY, STREAM, new BarnEvent.BarnTemperatureAlertRaised(BarnDeciderTest.CODE,
                BarnDeciderTest.T0, new BigDecimal("31.5")));
    }

    @Test
    void barn_temperature_alert_cleared() {
        EventApproval.verify(REGISTRY, STREAM, new BarnEvent.BarnTemperatureAlertCleared(BarnDeciderTest.CODE,
                BarnDeciderTest.T0, new BigDecimal("29.0")));
    }

    @Test
    void animal_housed() {
        EventApproval.verify(REGISTRY, STREAM, new BarnEvent.AnimalHoused(BarnDeciderTest.CODE, "IE12345670012",
                java.time.LocalDate.parse("2026-11-20")));
    }

    @Test
    void animal_left_barn() {
        EventApproval.verify(REGISTRY, STREAM, new BarnEvent.AnimalLeftBarn(BarnDeciderTest.CODE, "IE12345670012",
                java.time.LocalDate.parse("2026-11-21")));
    }
}
