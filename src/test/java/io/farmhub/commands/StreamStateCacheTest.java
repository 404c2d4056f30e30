package io.farmhub.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.Aggregate;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.StreamId;
import io.farmhub.core.Versioned;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamStateCacheTest {

    /** A test aggregate whose state is the list of what happened to it. */
    record Happened(String what) implements DomainEvent {
        @Override
        public String occurredAt() {
            return "2026-11-27";
        }
    }

    private static final Aggregate<List<String>> TALLY = new Aggregate<>("farm", "tally", List.of(),
            (state, event) -> append(state, ((Happened) event).what()));

    private final StreamStateCache cache = new StreamStateCache();
    private final StreamId stream = TALLY.stream("t1");

    @Test
    void an_append_at_the_kept_version_moves_the_kept_state_on() {
        cache.put(TALLY, new Versioned<>(stream, 2, List.of("a", "b")));

        cache.appended(stream, 2, List.of(new Happened("c"), new Happened("d")));

        Versioned<List<String>> kept = cache.get(TALLY, stream);
        assertThat(kept.version()).isEqualTo(4);
        assertThat(kept.state()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void an_append_at_another_version_leaves_the_kept_state_for_the_next_read_to_catch_up() {
        cache.put(TALLY, new Versioned<>(stream, 2, List.of("a", "b")));

        cache.appended(stream, 3, List.of(new Happened("d")));
        cache.appended(TALLY.stream("t2"), 2, List.of(new Happened("x")));

        assertThat(cache.get(TALLY, stream).version()).isEqualTo(2);
        assertThat(cache.get(TALLY, stream).state()).containsExactly("a", "b");
        assertThat(cache.get(TALLY, TALLY.stream("t2"))).isNull();
    }

    private static List<String> append(List<String> state, String what) {
        List<String> next = new java.util.ArrayList<>(state);
        next.add(what);
        return List.copyOf(next);
    }
}
