package io.farmhub.intake;

import io.farmhub.core.EventEnvelope;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.StreamVersion;
import io.farmhub.schedules.FiringLock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The step of the {@code sensor-journal-retention} route: deletes the sensor journal's streams ({@link SensorJournal},
 * {@code sensor/journal/<n>}) that are used up, so the journal stays bounded. Once a chunk is drained its readings
 * live on as their commands and the events these made; the chunk itself is read again by nobody.
 *
 * <p>A journal stream is deleted only when all three hold:
 * <ul>
 *   <li>it is fully drained: the {@link SensorJournalCursor} counts as many chunks drained there as it holds;</li>
 *   <li>it is not the journal's last stream: the journal finds its tail (numbering, {@code through}) there;</li>
 *   <li>its last chunk was drained more than {@code farmhub.sensors.journal.retention} ago (so it was journaled
 *       even earlier), which leaves time to look into a recent journal by hand.</li>
 * </ul>
 * Streams are looked at in journal order and the first that must stay ends the run: the drain goes in that order,
 * so every later one is less drained or younger. Deleting in that order also means a stream is only ever deleted
 * after every stream before it. The cursor's own streams ({@code sensor/drained/<n>}, one small event per chunk)
 * are kept: they are how the drain and this retention know what was drained.
 *
 * <p>Each firing runs once across hubs ({@link FiringLock}, a blob lease in the azure profile): the firing is the
 * start of the period it falls in, which is the same on every hub however their timers drift.
 */
@Component("sensorJournalRetention")
public class SensorJournalRetention {

    static final String LOCK = "sensor-journal-retention";
    private static final Logger log = LoggerFactory.getLogger(SensorJournalRetention.class);

    private final EventStore store;
    private final SensorJournalCursor cursor;
    private final FiringLock lock;
    private final Duration retention;
    private final Duration period;

    public SensorJournalRetention(EventStore store, SensorJournalCursor cursor, FiringLock lock,
            @Value("${farmhub.sensors.journal.retention:7d}") Duration retention,
            @Value("${farmhub.sensors.journal.retention-period:1h}") Duration period) {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("farmhub.sensors.journal.retention must not be negative, not "
                    + retention);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("farmhub.sensors.journal.retention-period must be positive, not "
                    + period);
        }
        this.store = store;
        this.cursor = cursor;
        this.lock = lock;
        this.retention = retention;
        this.period = period;
    }

    /** A firing of the route: once across hubs for the period it falls in. */
    public void run() {
        Instant now = Instant.now();
        long periodMillis = period.toMillis();
        Instant firing = Instant.ofEpochMilli(now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), periodMillis));
        lock.runOnce(LOCK, firing, () -> deleteUsedUp(now));
    }

    /** Deletes the journal streams used up as of {@code now}; returns their numbers, in the order deleted. */
    public List<Long> deleteUsedUp(Instant now) {
        List<Long> streams = store.list(SensorJournal.DOMAIN, "journal").stream().filter(s -> s.version() > 0)
                .map(StreamVersion::stream).map(s -> Long.parseLong(s.key())).sorted().toList();
        List<Long> deleted = new ArrayList<>();
        Instant drainedBefore = now.minus(retention);
        for (int i = 0; i < streams.size() - 1; i++) { // never the last: the journal's tail is there
            long n = streams.get(i);
            String kept = keptBecause(n, drainedBefore);
            if (kept != null) {
                log.debug("sensor journal retention: {} and later streams stay ({})", SensorJournal.stream(n), kept);
                break;
            }
            store.delete(SensorJournal.stream(n));
            deleted.add(n);
        }
        if (!deleted.isEmpty()) {
            log.info("sensor journal retention: deleted {} drained journal streams ({} to {})", deleted.size(),
                    SensorJournal.stream(deleted.get(0)), SensorJournal.stream(deleted.get(deleted.size() - 1)));
        }
        return deleted;
    }

    /** Why journal stream {@code n} must stay, or null when it may go. */
    private String keptBecause(long n, Instant drainedBefore) {
        long chunks = store.version(SensorJournal.stream(n));
        List<EventEnvelope> drained = cursor.drainedIn(n);
        if (drained.size() < chunks) {
            return "drained " + drained.size() + " of its " + chunks + " chunks";
        }
        Instant lastDrained = drained.get(drained.size() - 1).recordedAt();
        if (!lastDrained.isBefore(drainedBefore)) {
            return "drained at " + lastDrained + ", kept until " + lastDrained.plus(retention);
        }
        return null;
    }
}
