package io.farmhub.farm.barn;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.Decision;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.Versioned;
import io.farmhub.farm.FoldLaws;
import io.farmhub.farm.FoldLaws.Step;
import io.farmhub.farm.StoredEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BarnFoldPropertiesTest {

    static final String CODE = "main-barn";
    static final LocalDate TODAY = LocalDate.parse("2026-11-27");
    static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");

    @Provide
    Arbitrary<List<Step>> steps() {
        return FoldLaws.steps(2);
    }

    /**
     * A valid history from a registration and generated readings: mostly a few minutes apart, sometimes
     * late (stale), between -5 and 35 °C so that alerts rise and clear.
     */
    static List<DomainEvent> history(List<Step> steps) {
        List<DomainEvent> events = new ArrayList<>(List.of(new BarnEvent.BarnRegistered(CODE, "Main barn", 3,
                TODAY)));
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            Versioned<Barn> state = new Versioned<>(Barn.AGGREGATE.stream(CODE), events.size(),
                    Barn.AGGREGATE.fold(events));
            BarnCommand command = s.kind() == 0 && s.c() == 0
                    ? new BarnCommand.RegisterBarn(CODE, "Again", 3)
                    : new BarnCommand.RecordBarnTemperature(CODE, T0.plusSeconds(i * 300L + s.a() - 300L * (s.c() / 9)),
                            BigDecimal.valueOf(s.b() % 401 - 50, 1));
            // Animals take and give up places too (as cow decisions ask the barn), in a small barn.
            String animal = "IE1234567" + (1000 + s.a() % 6);
            Decision decision = s.kind() == 1 && s.c() < 4 ? BarnDecider.house(state, animal, TODAY)
                    : s.kind() == 1 && s.c() < 6 ? BarnDecider.leave(state, animal, TODAY)
                    : BarnDecider.decide(command, state, TODAY);
            if (decision instanceof Decision.Accepted accepted) {
                events.addAll(accepted.allEvents());
            }
        }
        return events;
    }

    static List<StoredEvents.Stored> stored(List<Step> steps) {
        return StoredEvents.stored(StoredEvents.registry(), Barn.AGGREGATE.stream(CODE), history(steps));
    }

    @Property(tries = 300)
    void the_barn_state_replayed_in_two_parts_equals_replayed_in_one(@ForAll("steps") List<Step> steps,
            @ForAll int split) {
        FoldLaws.evolveInTwoPartsEqualsOne(Barn.AGGREGATE, history(steps), split);
    }

    @Property(tries = 300)
    void the_barn_summary_replayed_in_two_parts_equals_replayed_in_one(@ForAll("steps") List<Step> steps,
            @ForAll int split) {
        FoldLaws.twoPartsEqualOne(BarnSummary.empty(CODE), stored(steps), split, BarnSummary::apply,
                BarnSummary.class);
    }

    @Property(tries = 300)
    void the_barn_summary_ignores_envelopes_it_has_seen(@ForAll("steps") List<Step> steps) {
        FoldLaws.seenEnvelopesChangeNothing(BarnSummary.empty(CODE), stored(steps), BarnSummary::apply);
    }

    @Property(tries = 300)
    void no_barn_version_houses_more_animals_than_its_capacity(@ForAll("steps") List<Step> steps) {
        List<DomainEvent> events = history(steps);
        for (int v = 1; v <= events.size(); v++) {
            Barn state = Barn.AGGREGATE.fold(events.subList(0, v));
            assertThat(((Barn.Registered) state).occupancy()).isLessThanOrEqualTo(3);
        }
    }

    @Property(tries = 300)
    void the_summary_houses_exactly_whom_the_barn_state_houses(@ForAll("steps") List<Step> steps) {
        BarnSummary summary = BarnSummary.empty(CODE);
        for (StoredEvents.Stored s : stored(steps)) {
            summary = BarnSummary.apply(summary, s.envelope(), s.event());
        }
        Barn.Registered state = (Barn.Registered) Barn.AGGREGATE.fold(history(steps));
        assertThat(summary.occupants()).isEqualTo(state.housed());
        assertThat(summary.occupancy()).isEqualTo(state.occupancy());
    }
}
