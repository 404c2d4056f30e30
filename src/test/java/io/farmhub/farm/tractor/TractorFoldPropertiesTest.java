package io.farmhub.farm.tractor;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.farm.loan.LoanRules;
import io.farmhub.core.Decision;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.Versioned;
import io.farmhub.farm.FoldLaws;
import io.farmhub.farm.FoldLaws.Step;
import io.farmhub.farm.StoredEvents;
import io.farmhub.farm.loan.Asset;
import io.farmhub.farm.loan.LoanCommand;
import io.farmhub.farm.loan.LoanDecider;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TractorFoldPropertiesTest {

    static final String CHASSIS = "JD6R155X001234";
    static final LocalDate TODAY = LocalDate.parse("2026-11-27");
    static final LocalDate BASE = LocalDate.parse("2025-01-01");

    @Provide
    Arbitrary<List<Step>> steps() {
        return FoldLaws.steps(4);
    }

    /**
     * A valid history from a registration and generated services, hour-meter readings and loans; the meter
     * mostly climbs (0 to 60 h a step), sometimes goes back, so every rule takes part.
     */
    static List<DomainEvent> history(List<Step> steps) {
        List<DomainEvent> events = new ArrayList<>(List.of(new TractorEvent.TractorRegistered(CHASSIS, "John Deere",
                "6R 155", 2024, BASE)));
        BigDecimal meter = BigDecimal.ZERO;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            meter = meter.add(BigDecimal.valueOf(s.b() - 20, 1)).max(BigDecimal.ZERO);
            Versioned<Tractor> state = new Versioned<>(Tractor.AGGREGATE.stream(CHASSIS), events.size(),
                    Tractor.AGGREGATE.fold(events));
            Asset asset = new Asset(state.stream(), state.version(), state.state().isRegistered(),
                    state.state().pledgedTo());
            LocalDate on = BASE.plusDays(i * 3L);
            Instant at = on.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plusSeconds(s.a() * 60L);
            String loan = "L-" + s.c() % 3;
            Decision d = switch (s.kind()) {
                case 0 -> TractorDecider.decide(new TractorCommand.RecordTractorService(CHASSIS, on, meter,
                        "Service " + s.c()), state, TODAY);
                case 1 -> TractorDecider.decide(new TractorCommand.RecordEngineHours(CHASSIS, at, meter), state, TODAY);
                case 2 -> LoanRules.decide(new LoanCommand.CollateraliseLoan(loan, "AIB", on, List.of(CHASSIS),
                        List.of(), List.of()), List.of(asset), List.of(), List.of(), TODAY);
                default -> LoanRules.decide(new LoanCommand.ReleaseCollateral(loan, on), List.of(asset), TODAY);
            };
            if (d instanceof Decision.Accepted accepted) {
                events.addAll(accepted.allEvents());
            }
        }
        return events;
    }

    static List<StoredEvents.Stored> stored(List<Step> steps) {
        return StoredEvents.stored(StoredEvents.registry(), Tractor.AGGREGATE.stream(CHASSIS), history(steps));
    }

    @Property(tries = 300)
    void the_tractor_state_replayed_in_two_parts_equals_replayed_in_one(@ForAll("steps") List<Step> steps,
            @ForAll int split) {
        FoldLaws.evolveInTwoPartsEqualsOne(Tractor.AGGREGATE, history(steps), split);
    }

    @Property(tries = 300)
    void the_tractor_summary_replayed_in_two_parts_equals_replayed_in_one(@ForAll("steps") List<Step> steps,
            @ForAll int split) {
        FoldLaws.twoPartsEqualOne(TractorSummary.empty(CHASSIS), stored(steps), split, TractorSummary::apply,
                TractorSummary.class);
    }

    @Property(tries = 300)
    void the_tractor_summary_ignores_envelopes_it_has_seen(@ForAll("steps") List<Step> steps) {
        FoldLaws.seenEnvelopesChangeNothing(TractorSummary.empty(CHASSIS), stored(steps), TractorSummary::apply);
    }

    @Property(tries = 300)
    void the_summary_agrees_with_the_state_on_hours_service_and_pledges(@ForAll("steps") List<Step> steps) {
        List<DomainEvent> events = history(steps);
        Tractor.Registered state = (Tractor.Registered) Tractor.AGGREGATE.fold(events);
        TractorSummary summary = FoldLaws.replay(TractorSummary.empty(CHASSIS), stored(steps), TractorSummary::apply);
        assertThat(summary.engineHours()).isEqualTo(state.engineHours());
        assertThat(summary.lastService()).isEqualTo(state.lastService());
        assertThat(summary.pledgedTo()).isEqualTo(state.pledgedTo());
        assertThat(summary.version()).isEqualTo(events.size());
    }
}
