package io.farmhub.intake;

import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The readings journaled but not yet drained into commands, and the bound above which the journal takes no more
 * ({@code farmhub.sensors.backlog.max-readings}): a sensor gateway is then answered 503 with {@code Retry-After}
 * and sends again later, so nothing is dropped and the journal cannot outgrow the pipeline without end.
 */
@Component
public class SensorBacklog {

    private final SensorJournal journal;
    private final SensorJournalCursor cursor;
    private final long maxReadings;
    private final int retryAfterSeconds;

    /** The journal is full: the answer is 503, to be sent again after {@code retryAfterSeconds}. */
    public record Full(long backlog, long maxReadings, int retryAfterSeconds) {
    }

    public SensorBacklog(SensorJournal journal, SensorJournalCursor cursor,
            @Value("${farmhub.sensors.backlog.max-readings:1000000}") long maxReadings,
            @Value("${farmhub.sensors.backlog.retry-after-seconds:5}") int retryAfterSeconds) {
        this.journal = journal;
        this.cursor = cursor;
        this.maxReadings = maxReadings;
        this.retryAfterSeconds = retryAfterSeconds;
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

    /**
     * Full when the backlog has reached its bound, also after reading the journal's tail and cursor again from the
     * store (another hub may have appended, or be the one draining).
     */
    public Optional<Full> full() {
        if (readings() < maxReadings) {
            return Optional.empty();
        }
        long backlog = Math.max(0, journal.refresh() - cursor.load().through());
        return backlog < maxReadings ? Optional.empty() : Optional.of(new Full(backlog, maxReadings, retryAfterSeconds));
    }
}
