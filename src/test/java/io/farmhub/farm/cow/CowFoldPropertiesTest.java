package io.farmhub.farm.cow;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.DomainEvent;
import io.farmhub.core.EventEnvelope;
import io.farmhub.farm.FoldLaws;
import io.farmhub.farm.StoredEvents;
import io.farmhub.farm.StoredEvents.Stored;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The cow folds (state, cow-summary, cow-locations) over any valid history. */
class CowFoldPropertiesTest {

    private static final String TAG = Herd.DAISY;

    @Provide
    Arbitrary<List<DomainEvent>> histories() {
        return CowHistories.histories();
    }

    private static List<Stored> stored(List<DomainEvent> history) {
        return StoredEvents.stored(Cow.AGGREGATE.stream(TAG), history);
    }

    @Property
    void the_state_replayed_in_one_go_equals_the_state_replayed_in_two_parts(
            @ForAll("histories") List<DomainEvent> history, @ForAll @IntRange(max = 60) int cut) {
        FoldLaws.evolveInTwoPartsEqualsOne(Cow.AGGREGATE, history, cut);
    }

    @Property
    void projections_replayed_in_one_go_equal_projections_replayed_in_two_parts(
            @ForAll("histories") List<DomainEvent> history, @ForAll @IntRange(max = 60) int cut) {
        // The second part is a new run that starts from the state the first one left behind (read back from JSON).
        FoldLaws.twoPartsEqualOne(CowSummary.empty(TAG), stored(history), cut, CowSummary::apply, CowSummary.class);
        FoldLaws.twoPartsEqualOne(CowLocations.empty(TAG), stored(history), cut, CowLocations::apply,
                CowLocations.class);
        assertThat(Herd.summary(TAG, history).version()).isEqualTo(history.size());
    }

    @Property
    void an_envelope_already_seen_changes_no_projection(@ForAll("histories") List<DomainEvent> history) {
        FoldLaws.seenEnvelopesChangeNothing(CowSummary.empty(TAG), stored(history), CowSummary::apply);
        FoldLaws.seenEnvelopesChangeNothing(CowLocations.empty(TAG), stored(history), CowLocations::apply);
    }

    @Property
    void notifications_delivered_more_than_once_change_nothing(@ForAll("histories") List<DomainEvent> history,
            @ForAll @Size(60) List<@IntRange(min = 1, max = 3) Integer> deliveries) {
        List<EventEnvelope> envelopes = Herd.envelopes(TAG, history);
        CowSummary summary = CowSummary.empty(TAG);
        CowLocations locations = CowLocations.empty(TAG);
        for (int i = 0; i < history.size(); i++) {
            for (int n = 0; n < deliveries.get(i); n++) {
                summary = CowSummary.apply(summary, envelopes.get(i), history.get(i));
                locations = CowLocations.apply(locations, envelopes.get(i), history.get(i));
            }
        }
        assertThat(summary).isEqualTo(Herd.summary(TAG, history));
        assertThat(locations).isEqualTo(Herd.locations(TAG, history));
    }
}
