package io.farmhub.farm.field;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FieldFoldPropertiesTest {

    static final String CODE = "north-meadow";
    static final LocalDate TODAY = LocalDate.parse("2026-11-27");
    static final LocalDate BASE = LocalDate.parse("2025-01-01");

    @Provide
    Arbitrary<List<Step>> steps() {
        return FoldLaws.steps(5);
    }

    /**
     * A valid history: the events the decider accepted for a registration and then the generated commands,
     * dated mostly forward (a week a step) so that most are accepted.
     */
    static List<DomainEvent> history(List<Step> steps) {
        List<DomainEvent> events = new ArrayList<>(List.of(new FieldEvent.FieldRegistered(CODE, "North Meadow",
                BigDecimal.TEN, BASE)));
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            LocalDate on = BASE.plusDays(i * 7L + s.a() % 9);
            Versioned<Field> state = new Versioned<>(Field.AGGREGATE.stream(CODE), events.size(),
                    Field.AGGREGATE.fold(events));
            Asset asset = new Asset(state.stream(), state.version(), state.state().isRegistered(),
                    state.state().pledgedTo());
            String loan = "L-" + s.c() % 3;
            Decision d = switch (s.kind()) {
                case 0 -> FieldDecider.decide(new FieldCommand.RegisterField(CODE, "Field " + s.c(),
                        BigDecimal.valueOf(s.a() + 1, 1)), state, TODAY);
                case 1 -> FieldDecider.decide(new FieldCommand.SowCrop(CODE, "crop-" + s.c(), on),
                        state, TODAY);
                case 2 -> FieldDecider.decide(new FieldCommand.HarvestCrop(CODE, on,
                        BigDecimal.valueOf(s.b(), 1)), state, TODAY);
                case 3 -> LoanRules.decide(new LoanCommand.CollateraliseLoan(loan, "AIB", on,
                        List.of(), List.of(CODE), List.of()), List.of(), List.of(asset), List.of(), TODAY);
                default -> LoanRules.decide(new LoanCommand.ReleaseCollateral(loan, on),
                        List.of(asset), TODAY);
            };
            if (d instanceof Decision.Accepted accepted) {
                events.addAll(accepted.allEvents());
            }
        }
        return events;
    }

    static List<StoredEvents.Stored> stored(List<Step> steps) {
        return StoredEvents.stored(StoredEvents.registry(), Field.AGGREGATE.stream(CODE), history(steps));
    }

    @Property(tries = 300)
    void the_field_state_replayed_in_two_parts_equals_replayed_in_one(@ForAll("steps") List<Step> steps,
            @ForAll int split) {
        FoldLaws.evolveInTwoPartsEqualsOne(Field.AGGREGATE, history(steps), split);
    }

    @Property(tries = 300)
    void the_field_summary_replayed_in_two_parts_equals_replayed_in_one(@ForAll("steps") List<Step> steps,
            @ForAll int split) {
        FoldLaws.twoPartsEqualOne(FieldSummary.empty(CODE), stored(steps), split, FieldSummary::apply,
                FieldSummary.class);
    }

    @Property(tries = 300)
    void the_field_summary_ignores_envelopes_it_has_seen(@ForAll("steps") List<Step> steps) {
        FoldLaws.seenEnvelopesChangeNothing(FieldSummary.empty(CODE), stored(steps), FieldSummary::apply);
    }
}
