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
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
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
        List<DomainEvent> events = new ArrayList<>(List.of(new BarnEvent.BarnRegistered(CODE, "Main barn", 40,
                TODAY)));
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            Versioned<Barn> state = new Versioned<>(Barn.AGGREGATE.stream(CODE), events.size(),
                    Barn.AGGREGATE.fold(events));
            BarnCommand command = s.kind() == 0 && s.c() == 0
                    ? new BarnCommand.RegisterBarn(CODE, "Again", 3)
                    : new BarnCommand.RecordBarnTemperature(CODE, T0.plusSeconds(i * 300L + s.a() - 300L * (s.c() / 9)),
                            BigDecimal.valueOf(s.b() % 401 - 50, 1));
            if (BarnDecider.decide(command, state, TODAY) instanceof Decision.Accepted accepted) {
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

    /** A cow's moves: in or out of this barn at its stream versions 1, 2, 3, ... */
    record Move(String earTag, long version, boolean in) {
    }

    @Provide
    Arbitrary<List<Move>> moves() {
        Arbitrary<List<Boolean>> oneCow = Arbitraries.of(true, false).list().ofMaxSize(8);
        return oneCow.list().ofMaxSize(5).map(cows -> {
            List<Move> moves = new ArrayList<>();
            for (int c = 0; c < cows.size(); c++) {
                for (int v = 0; v < cows.get(c).size(); v++) {
                    moves.add(new Move("IE1234567" + (1000 + c), v + 1, cows.get(c).get(v)));
                }
            }
            return moves;
        });
    }

    static BarnSummary deliver(BarnSummary summary, List<Move> moves) {
        for (Move m : moves) {
            summary = m.in() ? BarnSummary.cowMovedIn(summary, m.earTag(), m.version())
                    : BarnSummary.cowMovedOut(summary, m.earTag(), m.version());
        }
        return summary;
    }

    @Property(tries = 300)
    void occupancy_is_the_same_whatever_order_and_however_often_cow_moves_arrive(
            @ForAll("moves") List<Move> moves, @ForAll long seed) {
        BarnSummary empty = BarnSummary.empty(CODE);
        BarnSummary inOrder = deliver(empty, moves);
        List<Move> delivered = new ArrayList<>(moves);
        delivered.addAll(moves.subList(0, moves.size() / 2));
        Collections.shuffle(delivered, new Random(seed));
        BarnSummary shuffled = deliver(empty, delivered);
        assertThat(shuffled).isEqualTo(inOrder);
        long lastIn = moves.stream().filter(m -> moves.stream().noneMatch(
                o -> o.earTag().equals(m.earTag()) && o.version() > m.version()) && m.in()).count();
        assertThat(inOrder.occupancy()).isEqualTo(lastIn);
    }
}
