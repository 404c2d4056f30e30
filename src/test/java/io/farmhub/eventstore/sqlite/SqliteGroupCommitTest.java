package io.farmhub.eventstore.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.Json;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.AppendResult.Appended;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.EventStoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only the SQLite store promises: appends queued together commit in one transaction, one failing append
 * spoils none of the others, readers never wait for the writer, recordedAt never goes backwards. A second plain
 * JDBC connection on the same file holds the write lock, so the test decides when the writer may go on.
 */
class SqliteGroupCommitTest {

    @TempDir
    Path dir;

    private SqliteEventStore store;
    private Connection lockHolder;
    private final ExecutorService callers = Executors.newFixedThreadPool(4);

    @BeforeEach
    void open() throws Exception {
        store = new SqliteEventStore(dir.resolve("farmhub.db"));
        lockHolder = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("farmhub.db"));
    }

    @AfterEach
    void close() throws Exception {
        callers.shutdownNow();
        lockHolder.close();
        store.close();
    }

    @Test
    void appends_queued_together_commit_together_and_a_failing_one_spoils_none() throws Exception {
        execute("CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.event_type = 'Poison' "
                + "BEGIN SELECT RAISE(ABORT, 'poisoned event'); END");
        StreamId a = cow();
        StreamId b = cow();
        StreamId poisoned = cow();
        StreamId d = cow();
        execute("BEGIN IMMEDIATE");
        Future<AppendResult> first = append(a, List.of(event("Milked")));
        await().atMost(Duration.ofSeconds(10)).until(() -> store.queuedAppends() == 0); // the writer waits for the lock
        Future<AppendResult> second = append(b, List.of(event("Milked")));
        Future<AppendResult> bad = append(poisoned, List.of(event("Milked"), event("Poison")));
        Future<AppendResult> fourth = append(d, List.of(event("Milked")));
        await().atMost(Duration.ofSeconds(10)).until(() -> store.queuedAppends() == 3);
        execute("COMMIT");

        assertThat(first.get(30, TimeUnit.SECONDS)).isInstanceOf(Appended.class);
        Appended two = (Appended) second.get(30, TimeUnit.SECONDS);
        Appended four = (Appended) fourth.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(EventStoreException.class).hasMessageContaining("poisoned event");
        // one group, one transaction: one recordedAt
        assertThat(two.events().get(0).recordedAt()).isEqualTo(four.events().get(0).recordedAt());
        assertThat(store.read(b)).hasSize(1);
        assertThat(store.read(d)).hasSize(1);
        assertThat(store.read(poisoned)).isEmpty();
        assertThat(store.version(poisoned)).isZero();
    }

    @Test
    void readers_see_the_last_commit_while_the_writer_waits() throws Exception {
        StreamId stream = cow();
        store.append(stream, 0, List.of(event("Milked")));
        execute("BEGIN IMMEDIATE");
        Future<AppendResult> blocked = append(stream, List.of(event("Milked")));
        await().atMost(Duration.ofSeconds(10)).until(() -> store.queuedAppends() == 0);

        // the writer is stuck behind the lock (for up to its 30 s busy timeout); readers are not
        Future<List<EventEnvelope>> read = callers.submit(() -> store.read(stream));
        assertThat(read.get(5, TimeUnit.SECONDS)).hasSize(1);
        assertThat(store.version(stream)).isEqualTo(1);
        assertThat(store.list("farm", "cow")).hasSize(1);
        assertThat(blocked.isDone()).isFalse();

        execute("COMMIT");
        assertThat(blocked.get(30, TimeUnit.SECONDS)).isInstanceOf(Appended.class);
        assertThat(store.read(stream)).hasSize(2);
    }

    @Test
    void recorded_at_never_goes_backwards_even_when_the_clock_does() throws Exception {
        long tomorrow = System.currentTimeMillis() + 86_400_000L;
        execute("UPDATE clock SET recorded_at = " + tomorrow); // as if an earlier run had a clock a day ahead

        Appended appended = (Appended) store.append(cow(), 0, List.of(event("Milked")));

        assertThat(appended.events().get(0).recordedAt().toEpochMilli()).isEqualTo(tomorrow);
    }

    @Test
    void recorded_at_never_goes_backwards_across_a_restart_after_a_clock_that_ran_ahead() throws Exception {
        store.append(cow(), 0, List.of(event("Milked")));
        store.close();
        long tomorrow = System.currentTimeMillis() + 86_400_000L;
        execute("UPDATE events SET recorded_at = " + tomorrow); // as if the last run's clock was a day ahead

        store = new SqliteEventStore(dir.resolve("farmhub.db"));
        Appended appended = (Appended) store.append(cow(), 0, List.of(event("Milked")));
        Appended next = (Appended) store.append(cow(), 0, List.of(event("Milked")));

        assertThat(appended.events().get(0).recordedAt().toEpochMilli()).isEqualTo(tomorrow);
        assertThat(next.events().get(0).recordedAt().toEpochMilli()).isEqualTo(tomorrow);
    }

    @Test
    void bad_batches_are_refused_with_a_clear_error_before_anything_is_queued() {
        StreamId stream = cow();
        NewEvent twice = event("Milked");
        assertThatThrownBy(() -> store.append(stream, 0, List.of(twice, twice)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(twice.eventId() + " twice");
        NewEvent badDate = new NewEvent(UUID.randomUUID().toString(), "Milked", 1, "26/11/2026", "c", "c", "mary",
                "api:mary", null, Json.MAPPER.createObjectNode());
        assertThatThrownBy(() -> store.append(stream, 0, List.of(badDate)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("occurredAt '26/11/2026'");
        assertThatThrownBy(() -> store.append(stream, -2, List.of(event("Milked"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected version -2");
        assertThat(store.version(stream)).isZero();
    }

    @Test
    void a_closed_store_refuses_work_and_closing_twice_is_harmless() {
        StreamId stream = cow();
        store.append(stream, 0, List.of(event("Milked")));
        store.ping();
        store.close();
        store.close();

        assertThatThrownBy(() -> store.append(stream, 1, List.of(event("Milked"))))
                .isInstanceOf(EventStoreException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> store.read(stream)).isInstanceOf(EventStoreException.class);
        assertThatThrownBy(store::ping).isInstanceOf(EventStoreException.class);
        try (SqliteEventStore reopened = new SqliteEventStore(dir.resolve("farmhub.db"))) {
            assertThat(reopened.version(stream)).isEqualTo(1);
        }
    }

    private Future<AppendResult> append(StreamId stream, List<NewEvent> events) {
        return callers.submit(() -> store.append(stream, EventStore.ANY, events));
    }

    private void execute(String sql) throws Exception {
        try (Statement s = lockHolder.createStatement()) {
            s.execute(sql);
        }
    }

    private static StreamId cow() {
        return StreamId.farm("cow", "IE" + (100_000_000L + (long) (Math.random() * 899_999_999L)));
    }

    private static NewEvent event(String type) {
        return new NewEvent(UUID.randomUUID().toString(), type, 1, "2026-11-26", "c", "c", "gate-7", "sensor:collar-1",
                null, Json.MAPPER.createObjectNode().put("litres", "12.5"));
    }
}
