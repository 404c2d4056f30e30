package io.farmhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.eventstore.EventStore;
import io.farmhub.schedules.FiringLock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SensorJournalRetention} on a real event store (SQLite and Append Blobs subclass it): a journal of chunks of 2
 * readings, 2 chunks per stream, drained by recording its chunks on the cursor as the drain does. Only streams fully
 * drained, older than the retention and not the last are deleted; the journal goes on after them.
 */
abstract class SensorJournalRetentionContract {

    private static final Duration RETENTION = Duration.ofDays(7);

    /** A store on storage of its own (each test journals from stream 1). */
    protected abstract EventStore newStore();

    private EventStore store;
    private SensorJournal journal;
    private SensorJournalCursor cursor;
    private SensorJournalRetention retention;
    private final List<Instant> firings = new ArrayList<>();

    @BeforeEach
    void open() {
        store = newStore();
        journal = new SensorJournal(store, 2, 2);
        cursor = new SensorJournalCursor(store);
        FiringLock lock = (schedule, firing, job) -> {
            firings.add(firing);
            job.run();
            return true;
        };
        retention = new SensorJournalRetention(store, cursor, lock, RETENTION, Duration.ofHours(1));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void streams_drained_and_older_than_the_retention_are_deleted_but_never_the_last() {
        journal.append("gate-7", null, "api:gate-7", readings(0, 10)); // streams 1 and 2 full, 3 half
        drain(5);

        assertThat(retention.deleteUsedUp(weekAndADayLater())).containsExactly(1L, 2L);

        assertThat(store.version(SensorJournal.stream(1))).isZero();
        assertThat(store.version(SensorJournal.stream(2))).isZero();
        assertThat(store.version(SensorJournal.stream(3))).isEqualTo(1);
        assertThat(cursor.load()).isEqualTo(new SensorJournalCursor.Position(3, 1, 10));
        assertThat(retention.deleteUsedUp(weekAndADayLater())).as("nothing more to delete").isEmpty();
        // The journal goes on from its tail, on this hub and on one that reads it afresh.
        assertThat(new SensorJournal(store, 2, 2).refresh()).isEqualTo(10);
        journal.append("gate-7", null, "api:gate-7", readings(10, 4));
        assertThat(journal.read(3, 2)).extracting(SensorJournal.Chunk::through).containsExactly(12L);
        assertThat(journal.read(4, 1)).extracting(SensorJournal.Chunk::through).containsExactly(14L);
    }

    @Test
    void a_stream_not_fully_drained_and_every_later_one_are_kept() {
        journal.append("gate-7", null, "api:gate-7", readings(0, 10));
        assertThat(retention.deleteUsedUp(weekAndADayLater())).as("nothing drained").isEmpty();

        drain(3); // stream 1 whole, stream 2 half

        assertThat(retention.deleteUsedUp(weekAndADayLater())).containsExactly(1L);
        assertThat(journal.read(2, 1)).extracting(SensorJournal.Chunk::through).containsExactly(6L, 8L);
        assertThat(journal.read(3, 1)).extracting(SensorJournal.Chunk::through).containsExactly(10L);
    }

    @Test
    void streams_drained_less_than_the_retention_ago_are_kept() {
        journal.append("gate-7", null, "api:gate-7", readings(0, 10));
        drain(5);

        assertThat(retention.deleteUsedUp(Instant.now())).isEmpty();
        assertThat(retention.deleteUsedUp(Instant.now().plus(RETENTION).minusSeconds(60))).isEmpty();
        assertThat(store.version(SensorJournal.stream(1))).isEqualTo(2);
        assertThat(store.version(SensorJournal.stream(2))).isEqualTo(2);

        assertThat(retention.deleteUsedUp(weekAndADayLater())).containsExactly(1L, 2L);
    }

    @Test
    void a_hub_whose_tail_is_a_deleted_stream_journals_after_the_real_tail_never_into_the_deleted_stream() {
        SensorJournal stale = new SensorJournal(store, 2, 2);
        stale.append("gate-1", null, "api:gate-1", readings(0, 4)); // stream 1 full: its next chunk starts stream 2
        journal.append("gate-7", null, "api:gate-7", readings(4, 8)); // streams 2 and 3
        drain(6);
        assertThat(retention.deleteUsedUp(weekAndADayLater())).containsExactly(1L, 2L);

        stale.append("gate-1", null, "api:gate-1", readings(12, 2));

        assertThat(store.version(SensorJournal.stream(2))).as("the deleted stream 2 stays deleted").isZero();
        assertThat(journal.read(4, 1)).extracting(SensorJournal.Chunk::through).containsExactly(14L);
    }

    @Test
    void a_firing_runs_under_the_lock_for_the_start_of_its_period() {
        journal.append("gate-7", null, "api:gate-7", readings(0, 10));
        drain(5);

        retention.run();

        assertThat(firings).hasSize(1);
        assertThat(firings.get(0).toEpochMilli() % Duration.ofHours(1).toMillis()).isZero();
        assertThat(firings.get(0)).isBetween(Instant.now().minus(Duration.ofHours(1)), Instant.now());
        assertThat(store.version(SensorJournal.stream(1))).as("young: kept").isEqualTo(2);
    }

    /** Records the first {@code chunks} chunks of the journal as drained, in order, as the drain does. */
    private void drain(int chunks) {
        int drained = 0;
        for (long n = 1; drained < chunks; n++) {
            for (SensorJournal.Chunk chunk : journal.read(n, 1)) {
                if (drained++ < chunks) {
                    assertThat(cursor.advance(chunk)).isTrue();
                }
            }
        }
    }

    private static Instant weekAndADayLater() {
        return Instant.now().plus(RETENTION).plus(Duration.ofDays(1));
    }

    private static List<SensorReading> readings(int from, int count) {
        List<SensorReading> readings = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            readings.add(new SensorReading("retention-temp", "barn-temperature", "retention-shed",
                    new BigDecimal("10." + i), "°C", Instant.parse("2026-11-26T08:00:00Z").plusSeconds(900L * i)));
        }
        return readings;
    }
}
