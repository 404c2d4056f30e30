package io.farmhub.intake;

import java.util.Optional;
import java.util.OptionalDouble;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The readings journaled but not yet drained into commands, and the bound above which the journal takes no more
 * ({@code farmhub.sensors.backlog.max-readings}): a sensor gateway is then answered 503 with {@code Retry-After}
 * and sends again later, so nothing is dropped and the journal cannot outgrow the pipeline without end. The
 * {@code Retry-After} is the time the drain needs for the backlog at its measured rate ({@link DrainRate},
 * {@link RetryAfter}).
 */
@Component
public class SensorBacklog {

    private final SensorJournal journal;
    private final SensorJournalCursor cursor;
    private final long maxReadings;
    private final DrainRate rate;
    private final RetryAfter retryAfter;

    /**
     * The journal is full: the answer is 503, to be sent again after {@code retryAfterSeconds}; {@code drainRate} is
     * the drain's measured readings per second it was computed from (empty when not measured yet).
     */
    public record Full(long backlog, long maxReadings, int retryAfterSeconds, OptionalDouble drainRate) {
    }

    public SensorBacklog(SensorJournal journal, SensorJournalCursor cursor, DrainRate rate,
            @Value("${farmhub.sensors.backlog.max-readings:1000000}") long maxReadings,
            @Value("${farmhub.sensors.backlog.retry-after-seconds:5}") int fallbackSeconds,
            @Value("${farmhub.sensors.backlog.retry-after-min-seconds:1}") int minSeconds,
            @Value("${farmhub.sensors.backlog.retry-after-max-seconds:300}") int maxSeconds) {
        this.journal = journal;
        this.cursor = cursor;
        this.rate = rate;
        this.maxReadings = maxReadings;
        this.retryAfter = new RetryAfter(fallbackSeconds, minSeconds, maxSeconds);
    }

    public long journaled() {
        return journal.journaled();
    }

    public long drained() {
        return cursor.drained();
    }

    public long readings() {
        return Math.max(0, journaled() - drained());
    }

    public long maxReadings() {
        return maxReadings;
    }

    /** The drain's measured pace, for health. */
    public DrainRate rate() {
        return rate;
    }

    /**
     * Full when the backlog has reached its bound, also after reading the journal's tail and cursor again from the
     * store (another hub may have appended, or be the one draining).
     */
    public Optional<Full> full() {
        if (readings() < maxReadings) {
            return Optional.empty();
        }
        long backlog = Math.max(0, journal.refresh() - cursor.load().through());
        if (backlog < maxReadings) {
            return Optional.empty();
        }
        OptionalDouble perSecond = rate.perSecond();
        return Optional.of(new Full(backlog, maxReadings, retryAfter.seconds(backlog, perSecond), perSecond));
    }
}
