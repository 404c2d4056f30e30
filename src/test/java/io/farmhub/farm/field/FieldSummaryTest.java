package io.farmhub.farm.field;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.DomainEvent;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.farm.StoredEvents;
import io.farmhub.farm.StoredEvents.Stored;
import io.farmhub.farm.loan.LoanEvent.CollateralPledged;
import io.farmhub.farm.loan.LoanEvent.CollateralReleased;
import io.farmhub.farm.loan.Pledged;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldSummaryTest {

    static final EventTypeRegistry REGISTRY = StoredEvents.registry();
    static final LocalDate TODAY = LocalDate.parse("2026-11-27");

    static FieldSummary replay(DomainEvent... events) {
        FieldSummary summary = FieldSummary.empty("north-meadow");
        for (Stored s : StoredEvents.stored(REGISTRY, Field.AGGREGATE.stream("north-meadow"), List.of(events))) {
            summary = FieldSummary.apply(summary, s.envelope(), s.event());
        }
        return summary;
    }

    @Test
    void the_summary_shows_name_area_standing_crop_last_harvest_and_pledges() {
        FieldSummary summary = replay(FieldDeciderTest.REGISTERED, FieldDeciderTest.SOWN,
                FieldDeciderTest.HARVESTED, new FieldEvent.CropSown("north-meadow", "barley", TODAY),
                new CollateralPledged("L-1", "AIB", TODAY));
        assertThat(summary.version()).isEqualTo(5);
        assertThat(summary.name()).isEqualTo("North Meadow");
        assertThat(summary.areaHectares()).isEqualByComparingTo("12.5");
        assertThat(summary.standingCrop()).isEqualTo(new FieldSummary.StandingCrop("barley", TODAY));
        assertThat(summary.lastHarvest()).isEqualTo(new FieldSummary.Harvest("winter wheat",
                LocalDate.parse("2026-08-20"), new BigDecimal("98.4")));
        assertThat(summary.pledgedTo()).containsExactly("L-1");
    }

    @Test
    void harvesting_clears_the_standing_crop() {
        FieldSummary summary = replay(FieldDeciderTest.REGISTERED, FieldDeciderTest.SOWN, FieldDeciderTest.HARVESTED);
        assertThat(summary.standingCrop()).isNull();
    }

    @Test
    void an_envelope_already_reflected_is_ignored() {
        FieldSummary summary = replay(FieldDeciderTest.REGISTERED, FieldDeciderTest.SOWN);
        Stored first = StoredEvents.stored(REGISTRY, Field.AGGREGATE.stream("north-meadow"),
                List.of(FieldDeciderTest.REGISTERED)).get(0);
        assertThat(FieldSummary.apply(summary, first.envelope(), first.event())).isSameAs(summary);
    }

    @Test
    void a_field_is_in_pledged_of_a_loan_from_its_pledge_until_its_release() {
        FieldSummary before = replay(FieldDeciderTest.REGISTERED);
        FieldSummary pledged = replay(FieldDeciderTest.REGISTERED, new CollateralPledged("L-1", "AIB", TODAY));
        FieldSummary released = replay(FieldDeciderTest.REGISTERED, new CollateralPledged("L-1", "AIB", TODAY),
                new CollateralReleased("L-1", TODAY));
        assertThat(Pledged.includes(before.pledgedTo(), "L-1")).isFalse();
        assertThat(Pledged.includes(pledged.pledgedTo(), "L-1")).isTrue();
        assertThat(Pledged.includes(pledged.pledgedTo(), "L-2")).isFalse();
        assertThat(Pledged.includes(released.pledgedTo(), "L-1")).isFalse();
        assertThat(Pledged.classify(before.pledgedTo(), pledged.pledgedTo(), "L-1"))
                .isEqualTo(new io.farmhub.farm.Classification(true, true));
        assertThat(Pledged.classify(pledged.pledgedTo(), pledged.pledgedTo(), "L-1"))
                .isEqualTo(new io.farmhub.farm.Classification(true, false));
        assertThat(Pledged.classify(pledged.pledgedTo(), released.pledgedTo(), "L-1"))
                .isEqualTo(new io.farmhub.farm.Classification(false, true));
    }
}
