package io.farmhub.farm.tractor;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.DomainEvent;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.Json;
import io.farmhub.farm.Classification;
import io.farmhub.farm.StoredEvents;
import io.farmhub.farm.StoredEvents.Stored;
import io.farmhub.farm.loan.LoanEvent.CollateralPledged;
import io.farmhub.farm.loan.Pledged;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TractorSummaryTest {

    static final EventTypeRegistry REGISTRY = StoredEvents.registry();

    static TractorSummary replay(DomainEvent... events) {
        TractorSummary summary = TractorSummary.empty(TractorDeciderTest.CHASSIS);
        for (Stored s : StoredEvents.stored(REGISTRY, Tractor.AGGREGATE.stream(TractorDeciderTest.CHASSIS),
                List.of(events))) {
            summary = TractorSummary.apply(summary, s.envelope(), s.event());
        }
        return summary;
    }

    @Test
    void the_summary_shows_the_tractor_its_hours_and_its_last_service() throws Exception {
        TractorSummary s = replay(TractorDeciderTest.REGISTERED, TractorDeciderTest.SERVICED,
                TractorDeciderTest.AT_T0_510, new CollateralPledged("L-1", "AIB", LocalDate.parse("2026-11-27")));
        assertThat(s.version()).isEqualTo(4);
        assertThat(s.make()).isEqualTo("John Deere");
        assertThat(s.model()).isEqualTo("6R 155");
        assertThat(s.year()).isEqualTo(2024);
        assertThat(s.engineHours()).isEqualTo(new BigDecimal("510.0"));
        assertThat(s.lastService()).isEqualTo(new Tractor.Service(LocalDate.parse("2026-06-01"), new BigDecimal("500.0")));
        assertThat(s.hoursSinceService()).isEqualTo(new BigDecimal("10.0"));
        assertThat(s.pledgedTo()).containsExactly("L-1");
        assertThat(Pledged.includes(s.pledgedTo(), "L-1")).isTrue();
        assertThat(Json.MAPPER.valueToTree(s).get("hoursSinceService").decimalValue()).isEqualTo(new BigDecimal("10.0"));
        assertThat(Json.MAPPER.treeToValue(Json.MAPPER.valueToTree(s), TractorSummary.class)).isEqualTo(s);
    }

    @Test
    void a_tractor_never_serviced_has_no_hours_since_service() {
        TractorSummary s = replay(TractorDeciderTest.REGISTERED, TractorDeciderTest.AT_T0_510);
        assertThat(s.lastService()).isNull();
        assertThat(s.hoursSinceService()).isNull();
    }

    @Test
    void an_envelope_already_reflected_is_ignored() {
        TractorSummary s = replay(TractorDeciderTest.REGISTERED, TractorDeciderTest.SERVICED);
        Stored again = StoredEvents.stored(REGISTRY, Tractor.AGGREGATE.stream(TractorDeciderTest.CHASSIS),
                List.of(TractorDeciderTest.REGISTERED, TractorDeciderTest.SERVICED)).get(1);
        assertThat(TractorSummary.apply(s, again.envelope(), again.event())).isSameAs(s);
    }

    @Test
    void pledged_classification_changes_only_when_the_pledge_does() {
        TractorSummary before = replay(TractorDeciderTest.REGISTERED);
        TractorSummary after = replay(TractorDeciderTest.REGISTERED,
                new CollateralPledged("L-1", "AIB", LocalDate.parse("2026-11-27")));
        assertThat(Pledged.classify(before.pledgedTo(), after.pledgedTo(), "L-1"))
                .isEqualTo(new Classification(true, true));
        assertThat(Pledged.classify(before.pledgedTo(), after.pledgedTo(), "L-2"))
                .isEqualTo(new Classification(false, false));
    }
}
