package io.farmhub.farm.cow;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.DomainEvent;
import io.farmhub.core.EventEnvelope;
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

    @Property
    void the_state_replayed_in_one_go_equals_the_state_replayed_in_two_parts(
            @ForAll("histories") List<DomainEvent> history, @ForAll @IntRange(max = 60) int cut) {
        int at = Math.min(cut, history.size());
        Cow firstPart = Cow.AGGREGATE.fold(history.subList(0, at));
        Cow resumed = firstPart;
        for (DomainEvent e : history.subList(at, history.size())) {
            resumed = CowDecider.evolve(resumed, e);
        }
        assertThat(resumed).isEqualTo(Cow.AGGREGATE.fold(history));
    }

    @Property
    void projections_replayed_in_one_go_equal_projections_replayed_in_two_parts(
            @ForAll("histories") List<DomainEvent> history, @ForAll @IntRange(max = 60) int cut) {
        int at = Math.min(cut, history.size());
        List<EventEnvelope> envelopes = Envelopes.of(TAG, history);
        CowSummary summary = CowSummary.empty(TAG);
        CowLocations locations = CowLocations.empty(TAG);
        for (int i = 0; i < at; i++) {
            summary = CowSummary.apply(summary, envelopes.get(i), history.get(i));
            locations = CowLocations.apply(locations, envelopes.get(i), history.get(i));
        }
        // The second part is a new run that starts from the state the first one left behind.
        CowSummary summaryResumed = summary;
        CowLocations locationsResumed = locations;
        for (int i = at; i < history.size(); i++) {
            summaryResumed = CowSummary.apply(summaryResumed, envelopes.get(i), history.get(i));
            locationsResumed = CowLocations.apply(locationsResumed, envelopes.get(i), history.get(i));
        }
        assertThat(summaryResumed).isEqualTo(Envelopes.summary(TAG, history));
        assertThat(locationsResumed).isEqualTo(Envelopes.locations(TAG, history));
        assertThat(summaryResumed.version()).isEqualTo(history.size());
    }

    @Property
    void an_envelope_already_seen_changes_no_projection(@ForAll("histories") List<DomainEvent> history,
            @ForAll @IntRange(max = 60) int seen) {
        if (history.isEmpty()) {
            return;
        }
        int again = Math.min(seen, history.size() - 1);
        EventEnvelope envelope = Envelopes.of(TAG, history).get(again);
        CowSummary summary = Envelopes.summary(TAG, history);
        CowLocations locations = Envelopes.locations(TAG, history);
        assertThat(CowSummary.apply(summary, envelope, history.get(again))).isEqualTo(summary);
        assertThat(CowLocations.apply(locations, envelope, history.get(again))).isEqualTo(locations);
    }

    @Property
    void notifications_delivered_more_than_once_change_nothing(@ForAll("histories") List<DomainEvent> history,
            @ForAll @Size(60) List<@IntRange(min = 1, max = 3) Integer> deliveries) {
        List<EventEnvelope> envelopes = Envelopes.of(TAG, history);
        CowSummary summary = CowSummary.empty(TAG);
        CowLocations locations = CowLocations.empty(TAG);
        for (int i = 0; i < history.size(); i++) {
            for (int n = 0; n < deliveries.get(i); n++) {
                summary = CowSummary.apply(summary, envelopes.get(i), history.get(i));
                locations = CowLocations.apply(locations, envelopes.get(i), history.get(i));
            }
        }
        assertThat(summary).isEqualTo(Envelopes.summary(TAG, history));
        assertThat(locations).isEqualTo(Envelopes.locations(TAG, history));
    }
}
