package io.farmhub.commands.tally;

import io.farmhub.core.Aggregate;
import io.farmhub.core.DomainEvent;
import java.time.LocalDate;

/**
 * A test-only aggregate for the pipeline's tests: a tally that counts up to {@link #CAPACITY}. Stream
 * {@code farm/tally/<code>}. Small enough to read at a glance, rich enough for rules, conflicts and
 * multi-stream decisions.
 */
public record Tally(int total) {

    public static final int CAPACITY = 100;

    public static final Aggregate<Tally> AGGREGATE = new Aggregate<>("farm", "tally", new Tally(0), Tally::evolve);

    /** The one event: a tally was counted up by {@code by}. */
    public record Counted(String tally, int by, LocalDate countedOn) implements DomainEvent {
        @Override
        public String occurredAt() {
            return countedOn.toString();
        }
    }

    static Tally evolve(Tally state, DomainEvent event) {
        return event instanceof Counted c ? new Tally(state.total + c.by()) : state;
    }
}
