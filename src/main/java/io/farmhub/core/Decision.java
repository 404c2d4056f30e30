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
     * @param reads     every stream the decision read (including those it only looked at), with its version
     * @param unchanged why the command changes nothing, for people (a reading within the dead band, a stale one);
     *                  null when it has events, or when nothing needs saying
     */
    record Accepted(List<StreamChange> changes, Map<StreamId, Long> reads, String unchanged) implements Decision {
        public Accepted {
            changes = List.copyOf(changes);
            reads = Map.copyOf(reads);
        }

        public Accepted(List<StreamChange> changes, Map<StreamId, Long> reads) {
            this(changes, reads, null);
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

    /** One stream read at {@code state}'s version and left as it is, saying why ({@code why}, for people). */
    static Decision unchanged(Versioned<?> state, String why) {
        return new Accepted(List.of(), Map.of(state.stream(), state.version()), why);
    }
}
