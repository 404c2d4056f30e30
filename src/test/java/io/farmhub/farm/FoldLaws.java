package io.farmhub.farm;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.Aggregate;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.Json;
import io.farmhub.farm.StoredEvents.Stored;
import io.farmhub.farm.query.StreamView.Projection;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The laws every projection fold keeps, checked by the jqwik properties of each aggregate over histories
 * its own decider produced (so every history is a valid one).
 */
public final class FoldLaws {

    /** One generated step; each property class reads it as a command of its aggregate. */
    public record Step(int kind, int a, int b, int c) {
    }

    private FoldLaws() {
    }

    public static Arbitrary<List<Step>> steps(int kinds) {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, kinds - 1),
                Arbitraries.integers().between(0, 600), Arbitraries.integers().between(0, 600),
                Arbitraries.integers().between(0, 9)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    /** An aggregate's state folded in one go equals the state of the first part folded on with the rest. */
    public static <S> void evolveInTwoPartsEqualsOne(Aggregate<S> aggregate, List<? extends DomainEvent> events,
            int split) {
        int at = Math.floorMod(split, events.size() + 1);
        S resumed = aggregate.fold(events.subList(0, at));
        for (DomainEvent e : events.subList(at, events.size())) {
            resumed = aggregate.evolve().apply(resumed, e);
        }
        assertThat(resumed).as("state after %d of %d events, folded on", at, events.size())
                .isEqualTo(aggregate.fold(events));
    }

    public static <S> S replay(S state, List<Stored> history, Projection<S> apply) {
        for (Stored s : history) {
            state = apply.apply(state, s.envelope(), s.event());
        }
        return state;
    }

    /**
     * Replaying in one go equals replaying the first part, storing the state as the projection cache does
     * (JSON), reading it back and replaying the rest.
     */
    public static <S> void twoPartsEqualOne(S empty, List<Stored> history, int split, Projection<S> apply,
            Class<S> type) {
        int at = Math.floorMod(split, history.size() + 1);
        S whole = replay(empty, history, apply);
        S first = replay(empty, history.subList(0, at), apply);
        S cached = Json.MAPPER.convertValue(Json.MAPPER.valueToTree(first), type);
        assertThat(cached).as("state after %d of %d events read back from JSON", at, history.size()).isEqualTo(first);
        assertThat(replay(cached, history.subList(at, history.size()), apply)).isEqualTo(whole);
    }

    /** After any prefix, applying any envelope of that prefix again returns the same state. */
    public static <S> void seenEnvelopesChangeNothing(S empty, List<Stored> history, Projection<S> apply) {
        S state = empty;
        for (int k = 0; k < history.size(); k++) {
            state = apply.apply(state, history.get(k).envelope(), history.get(k).event());
            for (int j = 0; j <= k; j++) {
                Stored seen = history.get(j);
                assertThat(apply.apply(state, seen.envelope(), seen.event()))
                        .as("envelope %d applied again after %d", j + 1, k + 1).isEqualTo(state);
            }
        }
    }
}
