package io.farmhub.eventstore.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.Json;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendAllResult;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.EventStoreException;
import io.farmhub.eventstore.StreamAppend;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only SQLite can promise of {@link EventStore#appendAll}: several streams in one transaction, so a stale
 * version or a failure anywhere leaves nothing anywhere, while the append still shares its group commit with
 * everyone else's. A plain JDBC connection holding the write lock lines appends up into one group.
 */
class SqliteAppendAllTest {

    @TempDir
    Path dir;

    private SqliteEventStore store;
    private Connection lockHolder;
    private final ExecutorService callers = Executors.newFixedThreadPool(8);

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
    void declares_itself_atomic_across_streams() {
        assertThat(store.atomicAcrossStreams()).isTrue();
    }

    @Test
    void a_stale_version_on_one_stream_writes_nothing_on_the_others() {
        StreamId barn = barn();
        StreamId cow = cow();
        StreamId other = cow();
        store.append(cow, 0, List.of(event("AnimalPurchased")));

        AppendAllResult result = store.appendAll(List.of(
                new StreamAppend(barn, 0, List.of(event("AnimalHoused"))),
                new StreamAppend(other, 0, List.of(event("AnimalPurchased"))),
                new StreamAppend(cow, 0, List.of(event("AnimalRelocated")))));

        assertThat(result).isEqualTo(new AppendAllResult.Conflict(List.of(new AppendResult.Conflict(cow, 0, 1))));
        assertThat(store.version(barn)).isZero();
        assertThat(store.version(other)).isZero();
        assertThat(store.read(cow)).extracting(EventEnvelope::eventType).containsExactly("AnimalPurchased");
        assertThat(store.list("farm", "barn")).isEmpty();
    }

    @Test
    void a_guard_with_a_stale_version_fails_the_whole_append() {
        StreamId barn = barn();
        StreamId cow = cow();
        StreamId dam = cow();
        store.append(dam, 0, List.of(event("AnimalPurchased"), event("AnimalRelocated")));

        AppendAllResult stale = store.appendAll(List.of(new StreamAppend(barn, 0, List.of(event("AnimalHoused"))),
                new StreamAppend(cow, 0, List.of(event("AnimalBorn"))), StreamAppend.guard(dam, 1)));

        assertThat(stale).isEqualTo(new AppendAllResult.Conflict(List.of(new AppendResult.Conflict(dam, 1, 2))));
        assertThat(store.version(barn)).isZero();
        assertThat(store.version(cow)).isZero();
        assertThat(store.version(dam)).isEqualTo(2);

        AppendAllResult fresh = store.appendAll(List.of(new StreamAppend(barn, 0, List.of(event("AnimalHoused"))),
                new StreamAppend(cow, 0, List.of(event("AnimalBorn"))), StreamAppend.guard(dam, 2)));
        assertThat(fresh).isInstanceOf(AppendAllResult.Appended.class);
        assertThat(((AppendAllResult.Appended) fresh).streams()).extracting(a -> a.events().size())
                .containsExactly(1, 1, 0);
        assertThat(store.version(barn)).isEqualTo(1);
        assertThat(store.version(cow)).isEqualTo(1);
        assertThat(store.version(dam)).isEqualTo(2);
    }

    @Test
    void an_append_all_stored_before_is_found_again_whatever_its_guards_now_say() {
        StreamId barn = barn();
        StreamId cow = cow();
        StreamId read = cow();
        List<StreamAppend> move = List.of(new StreamAppend(barn, 0, List.of(event("AnimalHoused"))),
                new StreamAppend(cow, 0, List.of(event("AnimalRelocated"))), StreamAppend.guard(read, 0));
        AppendAllResult.Appended first = (AppendAllResult.Appended) store.appendAll(move);
        store.append(read, 0, List.of(event("AnimalPurchased"))); // the read stream moves on afterwards

        AppendAllResult again = store.appendAll(move);

        assertThat(again).isInstanceOf(AppendAllResult.Appended.class);
        AppendAllResult.Appended repeat = (AppendAllResult.Appended) again;
        assertThat(repeat.duplicate()).isTrue();
        assertThat(repeat.streams().get(0).events()).isEqualTo(first.streams().get(0).events());
        assertThat(repeat.streams().get(1).events()).isEqualTo(first.streams().get(1).events());
        assertThat(store.version(barn)).isEqualTo(1);
        assertThat(store.version(cow)).isEqualTo(1);
    }

    @Test
    void append_alls_queued_together_share_one_commit_and_a_failing_one_undoes_all_its_streams_only() throws Exception {
        execute("CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.event_type = 'Poison' "
                + "BEGIN SELECT RAISE(ABORT, 'poisoned event'); END");
        StreamId barnA = barn();
        StreamId cowA = cow();
        StreamId barnBad = barn();
        StreamId cowBad = cow();
        StreamId barnC = barn();
        StreamId cowC = cow();
        execute("BEGIN IMMEDIATE");
        Future<AppendAllResult> opener = appendAll(List.of(new StreamAppend(cow(), 0, List.of(event("Milked")))));
        await().atMost(Duration.ofSeconds(10)).until(() -> store.queuedAppends() == 0); // the writer waits for the lock
        Future<AppendAllResult> a = appendAll(move(barnA, cowA, "AnimalRelocated"));
        Future<AppendAllResult> bad = appendAll(move(barnBad, cowBad, "Poison"));
        Future<AppendAllResult> c = appendAll(move(barnC, cowC, "AnimalRelocated"));
        await().atMost(Duration.ofSeconds(10)).until(() -> store.queuedAppends() == 3);
        execute("COMMIT");

        assertThat(opener.get(30, TimeUnit.SECONDS)).isInstanceOf(AppendAllResult.Appended.class);
        AppendAllResult.Appended first = (AppendAllResult.Appended) a.get(30, TimeUnit.SECONDS);
        AppendAllResult.Appended third = (AppendAllResult.Appended) c.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(EventStoreException.class).hasMessageContaining("poisoned event");
        // one group, one transaction, one fsync: one recordedAt for both
        assertThat(first.streams().get(0).events().get(0).recordedAt())
                .isEqualTo(third.streams().get(1).events().get(0).recordedAt());
        assertThat(store.version(barnA)).isEqualTo(1);
        assertThat(store.version(cowC)).isEqualTo(1);
        assertThat(store.version(barnBad)).isZero(); // written before the poisoned part, undone with it
        assertThat(store.version(cowBad)).isZero();
    }

    @Test
    void concurrent_append_alls_from_many_threads_all_land_without_a_gap() throws Exception {
        StreamId barn = barn();
        int threads = 8;
        int each = 15;
        List<Future<List<StreamId>>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(callers.submit(() -> {
                List<StreamId> cows = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    StreamId cow = cow();
                    cows.add(cow);
                    while (true) { // decide again on conflict, as the pipeline does
                        long version = store.version(barn);
                        AppendAllResult r = store.appendAll(List.of(
                                new StreamAppend(barn, version, List.of(event("AnimalHoused"))),
                                new StreamAppend(cow, 0, List.of(event("AnimalRelocated")))));
                        if (r instanceof AppendAllResult.Appended) {
                            break;
                        }
                    }
                }
                return cows;
            }));
        }
        List<StreamId> cows = new ArrayList<>();
        for (Future<List<StreamId>> f : work) {
            cows.addAll(f.get(120, TimeUnit.SECONDS));
        }

        assertThat(store.read(barn)).extracting(EventEnvelope::version)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, (long) threads * each).boxed().toList());
        assertThat(cows).allSatisfy(cow -> assertThat(store.version(cow)).isEqualTo(1));
    }

    private static List<StreamAppend> move(StreamId barn, StreamId cow, String cowEvent) {
        return List.of(new StreamAppend(barn, 0, List.of(event("AnimalHoused"))),
                new StreamAppend(cow, 0, List.of(event(cowEvent))));
    }

    private Future<AppendAllResult> appendAll(List<StreamAppend> appends) {
        return callers.submit(() -> store.appendAll(appends));
    }

    private void execute(String sql) throws Exception {
        try (Statement s = lockHolder.createStatement()) {
            s.execute(sql);
        }
    }

    private static StreamId cow() {
        return StreamId.farm("cow", "IE" + (100_000_000L + (long) (Math.random() * 899_999_999L)));
    }

    private static StreamId barn() {
        return StreamId.farm("barn", "b-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static NewEvent event(String type) {
        return new NewEvent(UUID.randomUUID().toString(), type, 1, "2026-11-26", "c", "c", "mary", "api:mary",
                null, Json.MAPPER.createObjectNode().put("n", 1));
    }
}
