package io.farmhub.commands.tally;

import io.farmhub.core.CommandHandler;
import io.farmhub.core.Decision;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;
import io.farmhub.core.StreamChange;
import io.farmhub.core.StreamId;
import io.farmhub.core.StreamStates;
import io.farmhub.core.Versioned;
import io.farmhub.farm.Identities;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only command handlers over {@link Tally}: {@code Count} (one stream) and {@code CountBoth} (two streams).
 * {@link #interference} lets a test change a tally between the handler's read and its append, as a concurrent
 * command would.
 */
public final class TallyCommands {

    /** Count one tally up. */
    public record Count(String tally, Integer by, LocalDate countedOn) {
    }

    /** Count two tallies up by the same amount, in one decision. */
    public record CountBoth(String first, String second, Integer by, LocalDate countedOn) {
    }

    /** Called inside decide with the stream just read; a test uses it to write behind the handler's back. */
    public interface Interference {
        void after(StreamId readStream, String commandTally);
    }

    public static volatile Interference interference = (stream, tally) -> {
    };

    private TallyCommands() {
    }

    public static List<CommandHandler<?>> handlers() {
        return List.of(new CountHandler(), new CountBothHandler());
    }

    static List<Rejection> check(String field, String tally, Integer by, LocalDate on, LocalDate today) {
        List<Rejection> problems = new ArrayList<>();
        if (!Identities.isSlug(tally)) {
            problems.add(Rejection.of(ErrorCode.MALFORMED, field, "A tally code is a lower-case slug."));
        }
        if (by == null || by < 1) {
            problems.add(Rejection.of(ErrorCode.OUT_OF_RANGE, "by", "Count up by 1 or more."));
        }
        if (on == null) {
            problems.add(Rejection.of(ErrorCode.MALFORMED, "countedOn", "Say when it was counted."));
        } else if (on.isAfter(today)) {
            problems.add(Rejection.of(ErrorCode.DATE_IN_FUTURE, "countedOn", "That date is in the future."));
        }
        return problems;
    }

    static Decision count(StreamStates states, String tally, int by, LocalDate on, Map<StreamId, Long> reads,
            List<StreamChange> changes) {
        Versioned<Tally> state = states.get(Tally.AGGREGATE, tally);
        interference.after(state.stream(), tally);
        reads.put(state.stream(), state.version());
        if (state.state().total() + by > Tally.CAPACITY) {
            return Decision.rejected(Rejection.of(ErrorCode.OUT_OF_RANGE, "by",
                    "Tally " + tally + " holds " + state.state().total() + "; it cannot go past " + Tally.CAPACITY + "."));
        }
        changes.add(new StreamChange(state.stream(), state.version(), List.of(new Tally.Counted(tally, by, on))));
        return null;
    }

    static final class CountHandler implements CommandHandler<Count> {
        @Override
        public String commandType() {
            return "Count";
        }

        @Override
        public Class<Count> commandClass() {
            return Count.class;
        }

        @Override
        public Count normalise(Count c) {
            return new Count(Identities.slug(c.tally()), c.by(), c.countedOn());
        }

        @Override
        public List<Rejection> validate(Count c, LocalDate today) {
            return check("tally", c.tally(), c.by(), c.countedOn(), today);
        }

        @Override
        public Decision decide(Count c, StreamStates states, LocalDate today) {
            Map<StreamId, Long> reads = new HashMap<>();
            List<StreamChange> changes = new ArrayList<>();
            Decision rejected = count(states, c.tally(), c.by(), c.countedOn(), reads, changes);
            return rejected != null ? rejected : new Decision.Accepted(changes, reads);
        }
    }

    static final class CountBothHandler implements CommandHandler<CountBoth> {
        @Override
        public String commandType() {
            return "CountBoth";
        }

        @Override
        public Class<CountBoth> commandClass() {
            return CountBoth.class;
        }

        @Override
        public CountBoth normalise(CountBoth c) {
            return new CountBoth(Identities.slug(c.first()), Identities.slug(c.second()), c.by(), c.countedOn());
        }

        @Override
        public List<Rejection> validate(CountBoth c, LocalDate today) {
            List<Rejection> problems = new ArrayList<>(check("first", c.first(), c.by(), c.countedOn(), today));
            if (!Identities.isSlug(c.second())) {
                problems.add(Rejection.of(ErrorCode.MALFORMED, "second", "A tally code is a lower-case slug."));
            }
            return problems;
        }

        @Override
        public Decision decide(CountBoth c, StreamStates states, LocalDate today) {
            Map<StreamId, Long> reads = new HashMap<>();
            List<StreamChange> changes = new ArrayList<>();
            for (String tally : List.of(c.first(), c.second())) {
                Decision rejected = count(states, tally, c.by(), c.countedOn(), reads, changes);
                if (rejected != null) {
                    return rejected;
                }
            }
            return new Decision.Accepted(changes, reads);
        }
    }
}
