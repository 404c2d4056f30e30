package io.farmhub.core;

import java.util.List;
import java.util.Map;

/**
 * What a decider made of a command: the events to append (per stream, with the versions it read), or the
 * rules it broke. A command that changes nothing (a sensor reading within the dead band) is accepted with
 * no changes.
 */
public sealed interface Decision {

    /**
     * @param changes what to append, stream by stream
     * @param reads   every stream the decision read (including those it only looked at), with its version
     */
    record Accepted(List<StreamChange> changes, Map<StreamId, Long> reads) implements Decision {
        public Accepted {
            changes = List.copyOf(changes);
            reads = Map.copyOf(reads);
        }

        public List<DomainEvent> allEvents() {
            return changes.stream().<DomainEvent>flatMap(c -> c.events().stream()).toList();
        }
    }

    record Rejected(List<Rejection> rejections) implements Decision {
        public Rejected {
            if (rejections.isEmpty()) {
                throw new IllegalArgumentException("a rejection names at least one broken rule");
            }
            rejections = List.copyOf(rejections);
        }
    }

    static Decision rejected(Rejection... rejections) {
        return new Rejected(List.of(rejections));
    }

    static Decision rejected(List<Rejection> rejections) {
        return new Rejected(rejections);
    }

    /** One stream changed (or not, when {@code events} is empty), having been read at {@code state}'s version. */
    static Decision accepted(Versioned<?> state, List<? extends DomainEvent> events) {
        List<StreamChange> changes = events.isEmpty()
                ? List.of()
                : List.of(new StreamChange(state.stream(), state.version(), events));
        return new Accepted(changes, Map.of(state.stream(), state.version()));
    }
}
