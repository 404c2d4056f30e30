package io.farmhub.eventstore;

import java.util.List;

/** What {@link EventStore#appendAll} did: every part is stored (or was, earlier), or nothing is. */
public sealed interface AppendAllResult {

    /** Every part, in the order given (a guard as an empty {@link AppendResult.Appended}). */
    record Appended(List<AppendResult.Appended> streams) implements AppendAllResult {
        public Appended {
            streams = List.copyOf(streams);
        }

        /** True when every event of the append was already stored: nothing was written this time. */
        public boolean duplicate() {
            return streams.stream().filter(s -> !s.events().isEmpty()).allMatch(AppendResult.Appended::duplicate);
        }
    }

    /** At least one part found its stream moved on (each such part is listed); nothing was written anywhere. */
    record Conflict(List<AppendResult.Conflict> conflicts) implements AppendAllResult {
        public Conflict {
            if (conflicts.isEmpty()) {
                throw new IllegalArgumentException("a conflict names at least one stream");
            }
            conflicts = List.copyOf(conflicts);
        }
    }
}
