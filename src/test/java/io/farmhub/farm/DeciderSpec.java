package io.farmhub.farm;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.Decision;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;
import io.farmhub.core.StreamId;
import io.farmhub.core.Versioned;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Given/when/then for deciders, so a decider test reads like the spec:
 * {@code spec.given(born, relocated).when(sell).then(sold)} or {@code .thenRejected(ANIMAL_NOT_ON_FARM)}.
 * The given events are folded with {@code evolve} into the state the decider sees, at version = their count.
 */
public final class DeciderSpec<C, E extends DomainEvent, S> {

    private final StreamId stream;
    private final S initial;
    private final BiFunction<S, E, S> evolve;
    private final BiFunction<C, Versioned<S>, Decision> decide;

    private DeciderSpec(StreamId stream, S initial, BiFunction<S, E, S> evolve,
            BiFunction<C, Versioned<S>, Decision> decide) {
        this.stream = stream;
        this.initial = initial;
        this.evolve = evolve;
        this.decide = decide;
    }

    public static <C, E extends DomainEvent, S> DeciderSpec<C, E, S> of(StreamId stream, S initial,
            BiFunction<S, E, S> evolve, BiFunction<C, Versioned<S>, Decision> decide) {
        return new DeciderSpec<>(stream, initial, evolve, decide);
    }

    @SafeVarargs
    public final Given given(E... history) {
        S state = initial;
        for (E e : history) {
            state = evolve.apply(state, e);
        }
        return new Given(new Versioned<>(stream, history.length, state));
    }

    public final class Given {
        private final Versioned<S> state;

        private Given(Versioned<S> state) {
            this.state = state;
        }

        public Then when(C command) {
            return new Then(decide.apply(command, state));
        }
    }

    public static final class Then {
        private final Decision decision;

        private Then(Decision decision) {
            this.decision = decision;
        }

        /** The decision was accepted with exactly these events, in this order, over all streams it changes. */
        public Decision then(DomainEvent... expected) {
            assertThat(decision).as("decision").isInstanceOf(Decision.Accepted.class);
            assertThat(((Decision.Accepted) decision).allEvents()).containsExactly(expected);
            return decision;
        }

        /** Accepted, but nothing happened (e.g. a sensor reading within the dead band). */
        public Decision thenNothing() {
            return then();
        }

        /** Rejected with these codes (in order), each with a field and a sentence. */
        public List<Rejection> thenRejected(ErrorCode... codes) {
            assertThat(decision).as("decision").isInstanceOf(Decision.Rejected.class);
            List<Rejection> rejections = ((Decision.Rejected) decision).rejections();
            assertThat(rejections).extracting(Rejection::code).containsExactlyElementsOf(Arrays.asList(codes));
            assertThat(rejections).allSatisfy(r -> assertThat(r.message()).isNotBlank());
            return rejections;
        }

        public Decision decision() {
            return decision;
        }
    }
}
