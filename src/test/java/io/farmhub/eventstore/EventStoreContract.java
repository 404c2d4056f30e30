package io.farmhub.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.Json;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult.Appended;
import io.farmhub.eventstore.AppendResult.Conflict;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one behaviour every {@link EventStore} must have. Each backend subclasses this class once (SQLite on a temp
 * file, Append Blobs on Azurite), so both stores are held to exactly the same tests.
 *
 * <p>Every stream a test touches has a fresh random key, so a backend may share its storage between tests.
 */
public abstract class EventStoreContract {

    /** A store on fresh (or at least shared but empty-for-these-keys) storage. Called once before each test. */
    protected abstract EventStore newStore();

    /** A second, independent store instance on the same storage as the last {@link #newStore()} (its own caches, writer). */
    protected abstract EventStore anotherStoreOnSameStorage();

    /** How many batches the rollover test appends: enough to cross at least one segment boundary, where a store has them. */
    protected int segmentRolloverBatches() {
        return 25;
    }

    /**
     * Hook run after the rollover test appended {@link #segmentRolloverBatches()} batches to {@code stream}: a store
     * that keeps a stream in segments asserts here that the stream now spans more than one. Stores without segments
     * (SQLite) have nothing to check, and the test is plain many-batch ordering for them.
     */
    protected void segmentRollover(StreamId stream) {
    }

    /**
     * Hook run after the deletion test deleted {@code stream}, which spanned {@link #segmentRolloverBatches()} batches:
     * a store that keeps a stream in several pieces asserts here that none is left.
     */
    protected void deletedWhole(StreamId stream) {
    }

    protected EventStore store;
    private final List<EventStore> opened = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void openStore() {
        store = opened(newStore());
    }

    @AfterEach
    void closeStores() {
        opened.forEach(EventStore::close);
    }

    protected EventStore another() {
        return opened(anotherStoreOnSameStorage());
    }

    private EventStore opened(EventStore s) {
        opened.add(s);
        return s;
    }

    // ---- ordering and versions ----

    @Test
    void a_stream_that_was_never_written_is_empty_at_version_zero() {
        StreamId stream = cow();
        assertThat(store.version(stream)).isZero();
        assertThat(store.read(stream)).isEmpty();
    }

    @Test
    void appends_are_numbered_from_one_in_order_and_read_back_exactly() {
        StreamId stream = cow();
        List<NewEvent> first = List.of(event("AnimalPurchased", "2026-11-01"), event("AnimalRelocated", "2026-11-02"),
                event("MilkRecorded", "2026-11-03T06:12:00Z"));
        List<NewEvent> second = List.of(event("AnimalRelocated", "2026-11-04"), event("AnimalSold", "2026-11-05"));

        Appended a = appended(store.append(stream, 0, first));
        Appended b = appended(store.append(stream, 3, second));

        assertThat(a.duplicate()).isFalse();
        assertThat(a.events()).extracting(EventEnvelope::version).containsExactly(1L, 2L, 3L);
        assertThat(b.events()).extracting(EventEnvelope::version).containsExactly(4L, 5L);
        assertThat(store.version(stream)).isEqualTo(5);

        List<EventEnvelope> read = store.read(stream);
        assertThat(read).extracting(EventEnvelope::eventId)
                .containsExactlyElementsOf(ids(first, second));
        List<EventEnvelope> returned = new ArrayList<>(a.events());
        returned.addAll(b.events());
        assertThat(read).isEqualTo(returned);
        EventEnvelope stored = read.get(2);
        NewEvent sent = first.get(2);
        assertThat(stored.stream()).isEqualTo(stream.toString());
        assertThat(stored).usingRecursiveComparison().comparingOnlyFields("eventId", "eventType", "schemaVersion",
                "occurredAt", "correlationId", "causationId", "who", "source", "commentary", "data").isEqualTo(sent);
        assertThat(read).extracting(EventEnvelope::recordedAt).isSorted().doesNotContainNull();
        assertThat(read).extracting(EventEnvelope::recordedAt)
                .allSatisfy(at -> assertThat(at.getNano() % 1_000_000).isZero());
    }

    @Test
    void reads_from_a_version() {
        StreamId stream = cow();
        store.append(stream, 0, List.of(event("A", "2026-11-01"), event("B", "2026-11-02"), event("C", "2026-11-03")));
        store.append(stream, 3, List.of(event("D", "2026-11-04")));

        assertThat(store.read(stream, 3)).extracting(EventEnvelope::eventType).containsExactly("C", "D");
        assertThat(store.read(stream, 4)).extracting(EventEnvelope::version).containsExactly(4L);
        assertThat(store.read(stream, 5)).isEmpty();
        assertThat(store.read(stream, 1)).hasSize(4);
    }

    // ---- expected versions ----

    @Test
    void a_stale_or_future_expected_version_is_a_conflict_and_writes_nothing() {
        StreamId stream = cow();
        store.append(stream, 0, List.of(event("A", "2026-11-01"), event("B", "2026-11-01")));

        assertThat(store.append(stream, 1, List.of(event("C", "2026-11-02"))))
                .isEqualTo(new Conflict(stream, 1, 2));
        assertThat(store.append(stream, 0, List.of(event("C", "2026-11-02"))))
                .isEqualTo(new Conflict(stream, 0, 2));
        assertThat(store.append(stream, 7, List.of(event("C", "2026-11-02"))))
                .isEqualTo(new Conflict(stream, 7, 2));
        assertThat(store.append(cow(), 3, List.of(event("C", "2026-11-02"))))
                .isInstanceOf(Conflict.class);

        assertThat(store.version(stream)).isEqualTo(2);
        assertThat(store.read(stream)).hasSize(2);
    }

    @Test
    void any_skips_the_version_check() {
        StreamId stream = cow();
        assertThat(appended(store.append(stream, EventStore.ANY, List.of(event("A", "2026-11-01")))).lastVersion())
                .isEqualTo(1);
        assertThat(appended(store.append(stream, EventStore.ANY, List.of(event("B", "2026-11-01"),
                event("C", "2026-11-01")))).events()).extracting(EventEnvelope::version).containsExactly(2L, 3L);
    }

    @Test
    void an_empty_batch_writes_nothing_but_still_checks_the_expected_version() {
        StreamId stream = cow();
        Appended empty = appended(store.append(stream, 0, List.of()));
        assertThat(empty.events()).isEmpty();
        assertThat(empty.duplicate()).isFalse();
        assertThat(store.version(stream)).isZero();

        store.append(stream, 0, List.of(event("A", "2026-11-01")));
        assertThat(store.append(stream, 1, List.of())).isInstanceOf(Appended.class);
        assertThat(store.append(stream, 0, List.of())).isEqualTo(new Conflict(stream, 0, 1));
        assertThat(store.read(stream)).hasSize(1);
    }

    @Test
    void two_store_instances_racing_on_one_stream_never_both_win_a_version() throws Exception {
        StreamId stream = cow();
        EventStore other = another();
        // The second instance first learns the stream through a conflict: it must not trust a cached position.
        store.append(stream, 0, List.of(event("A", "2026-11-01")));
        assertThat(other.append(stream, 0, List.of(event("B", "2026-11-01")))).isEqualTo(new Conflict(stream, 0, 1));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (long expected = 1; expected <= 20; expected++) {
                long v = expected;
                CyclicBarrier start = new CyclicBarrier(2);
                Future<AppendResult> mine = pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return store.append(stream, v, List.of(event("Mine", "2026-11-02")));
                });
                Future<AppendResult> theirs = pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return other.append(stream, v, List.of(event("Theirs", "2026-11-02")));
                });
                List<AppendResult> results = List.of(mine.get(30, TimeUnit.SECONDS), theirs.get(30, TimeUnit.SECONDS));
                assertThat(results).filteredOn(Appended.class::isInstance).hasSize(1);
                assertThat(results).filteredOn(Conflict.class::isInstance)
                        .containsExactly(new Conflict(stream, v, v + 1));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.read(stream)).extracting(EventEnvelope::version)
                .containsExactlyElementsOf(LongRange.of(1, 21));
        assertThat(other.read(stream)).isEqualTo(store.read(stream));
        assertThat(other.version(stream)).isEqualTo(21);
    }

    @Test
    void concurrent_appends_through_one_instance_retrying_on_conflict_leave_no_gaps() throws Exception {
        StreamId stream = cow();
        int writers = 4;
        int eachWrites = 15;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < eachWrites; i++) {
                        NewEvent e = event("Counted", "2026-11-01");
                        while (store.append(stream, store.version(stream), List.of(e)) instanceof Conflict) {
                            // someone else got that version: decide again from the fresh one
                        }
                        written.add(e.eventId());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<EventEnvelope> read = store.read(stream);
        assertThat(read).extracting(EventEnvelope::version)
                .containsExactlyElementsOf(LongRange.of(1, writers * eachWrites));
        assertThat(read).extracting(EventEnvelope::eventId).containsExactlyInAnyOrderElementsOf(written);
    }

    // ---- idempotency ----

    @Test
    void re_appending_stored_event_ids_returns_the_earlier_result_and_writes_nothing() {
        StreamId stream = cow();
        List<NewEvent> batch = List.of(event("A", "2026-11-01"), event("B", "2026-11-02"));
        Appended first = appended(store.append(stream, 0, batch));
        store.append(stream, 2, List.of(event("C", "2026-11-03")));

        Appended again = appended(store.append(stream, 0, batch));
        assertThat(again.duplicate()).isTrue();
        assertThat(again.events()).isEqualTo(first.events());
        Appended viaAny = appended(store.append(stream, EventStore.ANY, batch));
        assertThat(viaAny.duplicate()).isTrue();
        assertThat(viaAny.events()).isEqualTo(first.events());
        Appended viaOther = appended(another().append(stream, 0, batch));
        assertThat(viaOther.duplicate()).isTrue();
        assertThat(viaOther.events()).isEqualTo(first.events());

        assertThat(store.version(stream)).isEqualTo(3);
        assertThat(store.read(stream)).hasSize(3);
    }

    @Test
    void a_batch_that_only_partly_overlaps_stored_ids_is_a_conflict_and_writes_nothing() {
        StreamId stream = cow();
        NewEvent a = event("A", "2026-11-01");
        NewEvent b = event("B", "2026-11-01");
        store.append(stream, 0, List.of(a, b));

        AppendResult result = store.append(stream, 2, List.of(b, event("C", "2026-11-02")));

        assertThat(result).isEqualTo(new Conflict(stream, 2, 2));
        assertThat(store.read(stream)).extracting(EventEnvelope::eventId).containsExactly(a.eventId(), b.eventId());
    }

    // ---- several streams as one (appendAll) ----

    @Test
    void append_all_of_one_stream_is_that_stream_s_append() {
        StreamId stream = cow();
        List<NewEvent> batch = List.of(event("A", "2026-11-01"), event("B", "2026-11-02"));

        AppendAllResult first = store.appendAll(List.of(new StreamAppend(stream, 0, batch)));

        assertThat(first).isInstanceOf(AppendAllResult.Appended.class);
        List<Appended> parts = ((AppendAllResult.Appended) first).streams();
        assertThat(parts).singleElement().satisfies(p -> {
            assertThat(p.stream()).isEqualTo(stream);
            assertThat(p.events()).extracting(EventEnvelope::version).containsExactly(1L, 2L);
            assertThat(p.duplicate()).isFalse();
        });
        assertThat(store.read(stream)).isEqualTo(parts.get(0).events());
        assertThat(store.appendAll(List.of(new StreamAppend(stream, 0, List.of(event("C", "2026-11-03"))))))
                .isEqualTo(new AppendAllResult.Conflict(List.of(new Conflict(stream, 0, 2))));
        assertThat(store.read(stream)).hasSize(2);
    }

    @Test
    void append_all_whose_events_are_all_stored_returns_the_earlier_result_and_writes_nothing() {
        StreamId stream = cow();
        List<NewEvent> batch = List.of(event("A", "2026-11-01"), event("B", "2026-11-02"));
        AppendAllResult.Appended first = (AppendAllResult.Appended) store.appendAll(
                List.of(new StreamAppend(stream, 0, batch)));
        store.append(stream, 2, List.of(event("C", "2026-11-03")));

        AppendAllResult again = store.appendAll(List.of(new StreamAppend(stream, 0, batch)));

        assertThat(again).isInstanceOf(AppendAllResult.Appended.class);
        AppendAllResult.Appended repeat = (AppendAllResult.Appended) again;
        assertThat(repeat.duplicate()).isTrue();
        assertThat(repeat.streams().get(0).events()).isEqualTo(first.streams().get(0).events());
        assertThat(store.version(stream)).isEqualTo(3);
    }

    @Test
    void append_all_of_a_guard_alone_checks_its_version_and_writes_nothing() {
        StreamId stream = cow();
        store.append(stream, 0, List.of(event("A", "2026-11-01")));

        assertThat(store.appendAll(List.of(StreamAppend.guard(stream, 1)))).isInstanceOf(AppendAllResult.Appended.class);
        assertThat(store.appendAll(List.of(StreamAppend.guard(stream, 0))))
                .isEqualTo(new AppendAllResult.Conflict(List.of(new Conflict(stream, 0, 1))));
        assertThat(store.version(stream)).isEqualTo(1);
    }

    @Test
    void append_all_naming_a_stream_twice_is_refused() {
        StreamId stream = cow();
        assertThatThrownBy(() -> store.appendAll(List.of(new StreamAppend(stream, 0, List.of(event("A", "2026-11-01"))),
                StreamAppend.guard(stream, 0)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.version(stream)).isZero();
    }

    /** A store says whether it can write several streams as one; one that cannot refuses rather than pretends. */
    @Test
    void append_all_of_several_streams_is_atomic_or_refused_never_half_done() {
        StreamId cow = cow();
        StreamId barn = StreamId.farm("barn", "b-" + suffix());
        List<StreamAppend> both = List.of(new StreamAppend(barn, 0, List.of(event("AnimalHoused", "2026-11-01"))),
                new StreamAppend(cow, 0, List.of(event("AnimalRelocated", "2026-11-01"))));

        if (store.atomicAcrossStreams()) {
            assertThat(store.appendAll(both)).isInstanceOf(AppendAllResult.Appended.class);
            assertThat(store.version(barn)).isEqualTo(1);
            assertThat(store.version(cow)).isEqualTo(1);
        } else {
            assertThatThrownBy(() -> store.appendAll(both)).isInstanceOf(UnsupportedOperationException.class);
            assertThat(store.version(barn)).isZero();
            assertThat(store.version(cow)).isZero();
        }
    }

    // ---- bitemporal reads ----

    @Test
    void as_of_keeps_events_whose_business_date_is_on_or_before_it() {
        StreamId stream = cow();
        store.append(stream, 0, List.of(
                event("E1", "2026-11-18"),
                event("E2", "2026-11-20"),
                event("E3", "2026-11-20T23:30:00Z"),
                event("E4", "2026-11-21T00:30:00+01:00"), // 2026-11-20 in UTC: the business date is the UTC date
                event("E5", "2026-11-22")));

        assertThat(store.read(stream, 1, LocalDate.parse("2026-11-20"), null)).extracting(EventEnvelope::eventType)
                .containsExactly("E1", "E2", "E3", "E4");
        assertThat(store.read(stream, 1, LocalDate.parse("2026-11-19"), null)).extracting(EventEnvelope::eventType)
                .containsExactly("E1");
        assertThat(store.read(stream, 3, LocalDate.parse("2026-11-30"), null)).extracting(EventEnvelope::version)
                .containsExactly(3L, 4L, 5L);
        assertThat(store.read(stream, 1, LocalDate.parse("2026-11-17"), null)).isEmpty();
    }

    @Test
    void known_at_keeps_what_was_recorded_by_then_including_late_recorded_events() {
        StreamId stream = cow();
        Appended early = appended(store.append(stream, 0, List.of(event("Weighed", "2026-11-20"))));
        Instant t1 = early.events().get(0).recordedAt();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(2))
                .until(() -> Instant.now().isAfter(t1.plusMillis(2)));
        // recorded later, but it happened before the first event: a late entry from a paper form
        Appended late = appended(store.append(stream, 1, List.of(event("Treated", "2026-11-19"))));
        Instant t2 = late.events().get(0).recordedAt();
        assertThat(t2).isAfter(t1);

        assertThat(store.read(stream, 1, null, t1)).extracting(EventEnvelope::eventType).containsExactly("Weighed");
        assertThat(store.read(stream, 1, null, t2)).extracting(EventEnvelope::eventType)
                .containsExactly("Weighed", "Treated");
        assertThat(store.read(stream, 1, null, t1.minusMillis(1))).isEmpty();
        assertThat(store.read(stream, 1, LocalDate.parse("2026-11-19"), t1)).isEmpty();
        assertThat(store.read(stream, 1, LocalDate.parse("2026-11-19"), null)).extracting(EventEnvelope::eventType)
                .containsExactly("Treated");
        assertThat(store.read(stream, 1, LocalDate.parse("2026-11-20"), t2.plusSeconds(60))).hasSize(2);
    }

    // ---- listing ----

    @Test
    void lists_every_stream_of_an_aggregate_type_with_its_version() {
        String aggregate = "herd" + suffix();
        StreamId one = StreamId.of("test", aggregate, "IE100000000001");
        StreamId two = StreamId.of("test", aggregate, "IE100000000002");
        StreamId three = StreamId.of("test", aggregate, "north-meadow");
        StreamId elsewhere = StreamId.of("test", aggregate + "x", "IE100000000001");
        store.append(one, 0, List.of(event("A", "2026-11-01")));
        store.append(two, 0, List.of(event("A", "2026-11-01"), event("B", "2026-11-02")));
        store.append(two, 2, List.of(event("C", "2026-11-03")));
        store.append(three, 0, List.of(event("A", "2026-11-01")));
        store.append(elsewhere, 0, List.of(event("A", "2026-11-01")));
        store.append(StreamId.of("test", aggregate, "never"), 0, List.of());

        assertThat(store.list("test", aggregate)).containsExactlyInAnyOrder(
                new StreamVersion(one, 1), new StreamVersion(two, 3), new StreamVersion(three, 1));
        assertThat(another().list("test", aggregate)).hasSize(3);
        assertThat(store.list("test", "nothing" + suffix())).isEmpty();
    }

    // ---- content ----

    @Test
    void unicode_in_data_and_commentary_round_trips() {
        StreamId stream = cow();
        ObjectNode data = Json.MAPPER.createObjectNode()
                .put("owner", "Siobhán Ó Súilleabháin")
                .put("place", "Dún na nGall")
                .put("note", "🐄🌾🚜 grand day")
                .put("cjk", "北海道の牛 — 牛在田里");
        NewEvent e = new NewEvent(UUID.randomUUID().toString(), "AnimalRelocated", 1, "2026-11-20", "cmd-ü",
                "cmd-ü", "máire", "inbox:máire/gluaiseacht.csv#1", "Bó ar an bhféar 🐮, 雨の日", data);

        store.append(stream, 0, List.of(e));

        for (EventStore s : List.of(store, another())) {
            EventEnvelope read = s.read(stream).get(0);
            assertThat(read.data()).isEqualTo(data);
            assertThat(read.commentary()).isEqualTo("Bó ar an bhféar 🐮, 雨の日");
            assertThat(read.who()).isEqualTo("máire");
            assertThat(read.source()).isEqualTo("inbox:máire/gluaiseacht.csv#1");
        }
    }

    @Test
    void a_batch_just_under_the_limit_is_stored_and_one_just_over_is_refused() {
        StreamId stream = cow();
        List<NewEvent> under = batchOfSize(stream, EventStore.MAX_BATCH_BYTES - 64, "x");
        List<NewEvent> over = batchOfSize(stream, EventStore.MAX_BATCH_BYTES + 64, "x");

        assertThatThrownBy(() -> store.append(stream, 0, over))
                .isInstanceOf(BatchTooLargeException.class)
                .hasMessageContaining(stream.toString());
        assertThat(store.version(stream)).isZero();

        Appended stored = appended(store.append(stream, 0, under));
        assertThat(stored.events()).hasSize(under.size());
        assertThat(store.read(stream)).extracting(EventEnvelope::data)
                .containsExactlyElementsOf(under.stream().map(NewEvent::data).toList());
    }

    @Test
    void the_batch_limit_counts_utf8_bytes_not_characters() {
        StreamId stream = cow();
        // "é" is two bytes: this batch has fewer characters than the limit but more bytes.
        List<NewEvent> over = batchOfSize(stream, EventStore.MAX_BATCH_BYTES + 64, "é");
        assertThatThrownBy(() -> store.append(stream, 0, over)).isInstanceOf(BatchTooLargeException.class);
        assertThat(store.read(stream)).isEmpty();
    }

    // ---- upcasting ----

    /** Today's shape of a test event whose v1 stored the weight as {@code kg}. */
    public record AnimalWeighed(String weight, String unit) {
    }

    @Test
    void an_event_stored_as_v1_reads_as_v2_through_the_registry() {
        StreamId stream = cow();
        NewEvent v1 = new NewEvent(UUID.randomUUID().toString(), "AnimalWeighed", 1, "2026-11-20", "c", "c", "mary",
                "api:mary", null, Json.MAPPER.createObjectNode().put("kg", "452.5"));
        NewEvent v2 = new NewEvent(UUID.randomUUID().toString(), "AnimalWeighed", 2, "2026-11-21", "c", "c", "mary",
                "api:mary", null, Json.MAPPER.createObjectNode().put("weight", "455.0").put("unit", "kg"));
        store.append(stream, 0, List.of(v1, v2));

        EventTypeRegistry registry = new EventTypeRegistry()
                .register("AnimalWeighed", 2, AnimalWeighed.class)
                .upcaster("AnimalWeighed", 1, data -> {
                    ObjectNode up = Json.MAPPER.createObjectNode();
                    up.set("weight", data.get("kg"));
                    return up.put("unit", "kg");
                });

        List<EventEnvelope> read = store.read(stream);
        assertThat(read.get(0).schemaVersion()).isEqualTo(1);
        EventEnvelope upcast = registry.upcast(read.get(0));
        assertThat(upcast.schemaVersion()).isEqualTo(2);
        assertThat(upcast.data()).isEqualTo(Json.MAPPER.createObjectNode().put("weight", "452.5").put("unit", "kg"));
        assertThat(registry.toEvent(read.get(0))).isEqualTo(new AnimalWeighed("452.5", "kg"));
        assertThat(registry.toEvent(read.get(1))).isEqualTo(new AnimalWeighed("455.0", "kg"));
    }

    // ---- segments ----

    @Test
    void segment_rollover_keeps_one_contiguous_stream() {
        StreamId stream = cow();
        int batches = segmentRolloverBatches();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            List<NewEvent> batch = List.of(event("Step", "2026-11-01"), event("Step", "2026-11-02"));
            assertThat(store.append(stream, 2L * i, batch)).isInstanceOf(Appended.class);
            batch.forEach(e -> ids.add(e.eventId()));
        }
        segmentRollover(stream);

        EventStore cold = another();
        assertThat(cold.version(stream)).isEqualTo(2L * batches);
        assertThat(cold.read(stream)).extracting(EventEnvelope::eventId).containsExactlyElementsOf(ids);
        assertThat(cold.read(stream, batches + 1L)).extracting(EventEnvelope::version)
                .containsExactlyElementsOf(LongRange.of(batches + 1L, 2L * batches));
        assertThat(cold.append(stream, 2L * batches, List.of(event("After", "2026-11-03")))).isInstanceOf(Appended.class);
        assertThat(store.append(stream, 2L * batches, List.of(event("Late", "2026-11-03"))))
                .isEqualTo(new Conflict(stream, 2L * batches, 2L * batches + 1));
        assertThat(store.read(stream)).extracting(EventEnvelope::version)
                .containsExactlyElementsOf(LongRange.of(1, 2L * batches + 1));
    }

    // ---- deletion ----

    @Test
    void a_deleted_stream_reads_as_never_written_and_is_no_longer_listed() {
        String aggregate = "journal" + suffix();
        StreamId gone = StreamId.of("test", aggregate, "1");
        StreamId kept = StreamId.of("test", aggregate, "2");
        store.append(gone, 0, List.of(event("A", "2026-11-01"), event("B", "2026-11-02")));
        store.append(kept, 0, List.of(event("A", "2026-11-01")));
        EventStore other = another();
        assertThat(other.version(gone)).isEqualTo(2); // the other instance knew it before it went

        assertThat(store.delete(gone)).isTrue();

        assertThat(store.version(gone)).isZero();
        assertThat(store.read(gone)).isEmpty();
        assertThat(store.list("test", aggregate)).containsExactly(new StreamVersion(kept, 1));
        assertThat(other.read(gone)).isEmpty();
        assertThat(other.list("test", aggregate)).containsExactly(new StreamVersion(kept, 1));
        assertThat(another().version(gone)).isZero();
        assertThat(store.read(kept)).hasSize(1);
        assertThat(store.delete(gone)).as("deleting it again").isFalse();
        assertThat(store.delete(cow())).as("deleting a stream never written").isFalse();
    }

    @Test
    void a_deleted_stream_starts_again_from_version_one_and_forgets_its_event_ids() {
        StreamId stream = cow();
        NewEvent old = event("A", "2026-11-01");
        store.append(stream, 0, List.of(old, event("B", "2026-11-02")));
        store.delete(stream);

        assertThat(store.append(stream, 2, List.of(event("C", "2026-11-03"))))
                .isEqualTo(new Conflict(stream, 2, 0));
        Appended again = appended(store.append(stream, 0, List.of(old)));
        assertThat(again.duplicate()).isFalse();
        assertThat(again.events()).extracting(EventEnvelope::version).containsExactly(1L);
        assertThat(another().read(stream)).extracting(EventEnvelope::eventId).containsExactly(old.eventId());
    }

    @Test
    void a_stream_over_many_batches_is_deleted_whole() {
        StreamId stream = cow();
        for (int i = 0; i < segmentRolloverBatches(); i++) {
            store.append(stream, i, List.of(event("Step", "2026-11-01")));
        }
        assertThat(store.delete(stream)).isTrue();
        deletedWhole(stream);

        EventStore cold = another();
        assertThat(cold.version(stream)).isZero();
        assertThat(cold.read(stream)).isEmpty();
        assertThat(appended(store.append(stream, 0, List.of(event("After", "2026-11-03")))).events())
                .extracting(EventEnvelope::version).containsExactly(1L);
        assertThat(cold.read(stream)).extracting(EventEnvelope::version).containsExactly(1L);
    }

    @Test
    void deletions_racing_appends_leave_each_stream_whole_and_other_streams_untouched() throws Exception {
        StreamId raced = cow();
        StreamId other = cow();
        int appenders = 4;
        int appends = 15;
        ExecutorService pool = Executors.newFixedThreadPool(appenders + 1);
        try {
            CyclicBarrier start = new CyclicBarrier(appenders + 1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < appenders; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < appends; i++) {
                        assertThat(store.append(raced, EventStore.ANY, List.of(event("Raced", "2026-11-01"))))
                                .isInstanceOf(Appended.class);
                        assertThat(store.append(other, EventStore.ANY, List.of(event("Other", "2026-11-01"))))
                                .isInstanceOf(Appended.class);
                    }
                    return null;
                }));
            }
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 10; i++) {
                    store.delete(raced);
                }
                return null;
            }));
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<EventEnvelope> left = another().read(raced);
        assertThat(left.size()).isLessThanOrEqualTo(appenders * appends);
        assertThat(left).extracting(EventEnvelope::version).containsExactlyElementsOf(LongRange.of(1, left.size()));
        assertThat(store.version(raced)).isEqualTo(left.size());
        assertThat(another().read(other)).extracting(EventEnvelope::version)
                .containsExactlyElementsOf(LongRange.of(1, (long) appenders * appends));
    }

    // ---- test data ----

    protected static StreamId cow() {
        return StreamId.farm("cow", "IE" + suffix());
    }

    protected static String suffix() {
        return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_000_000L);
    }

    protected static NewEvent event(String type, String occurredAt) {
        String commandId = "cmd-" + UUID.randomUUID();
        return new NewEvent(UUID.randomUUID().toString(), type, 1, occurredAt, commandId, commandId, "mary",
                "api:mary", null, Json.MAPPER.createObjectNode().put("type", type).put("n", 7));
    }

    protected static Appended appended(AppendResult result) {
        assertThat(result).isInstanceOf(Appended.class);
        return (Appended) result;
    }

    @SafeVarargs
    private static List<String> ids(List<NewEvent>... batches) {
        List<String> ids = new ArrayList<>();
        for (List<NewEvent> b : batches) {
            b.forEach(e -> ids.add(e.eventId()));
        }
        return ids;
    }

    /**
     * Four events whose stored NDJSON (envelopes as {@link Json#MAPPER} writes them, one line each) is about
     * {@code bytes} long. The estimate assumes a recordedAt with milliseconds, the longest form, so a store's actual
     * size is at most 4 bytes per event shorter: the 64-byte margins of the tests stay on their side of the limit.
     */
    protected static List<NewEvent> batchOfSize(StreamId stream, int bytes, String filler) {
        int count = 4;
        int fillerBytes = filler.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        List<NewEvent> events = new ArrayList<>();
        long size = 0;
        for (int i = 0; i < count; i++) {
            NewEvent plain = event("Bulk", "2026-11-01");
            NewEvent e = new NewEvent(plain.eventId(), plain.eventType(), 1, plain.occurredAt(), plain.correlationId(),
                    plain.causationId(), plain.who(), plain.source(), null,
                    ((ObjectNode) plain.data().deepCopy()).put("pad", ""));
            events.add(e);
            size += ndjsonBytes(EventEnvelope.stored(e, stream, i + 1, Instant.parse("2026-11-27T05:01:02.123Z")));
        }
        long perEvent = (bytes - size) / count;
        List<NewEvent> sized = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < count; i++) {
            NewEvent e = events.get(i);
            long want = i < count - 1 ? perEvent : (bytes - size) - perEvent * (count - 1);
            ObjectNode data = ((ObjectNode) e.data().deepCopy()).put("pad", filler.repeat((int) (want / fillerBytes)));
            NewEvent padded = new NewEvent(e.eventId(), e.eventType(), 1, e.occurredAt(), e.correlationId(),
                    e.causationId(), e.who(), e.source(), null, data);
            sized.add(padded);
            total += ndjsonBytes(EventEnvelope.stored(padded, stream, i + 1, Instant.parse("2026-11-27T05:01:02.123Z")));
        }
        assertThat(total).as("test batch size").isBetween(bytes - 16L, bytes + 16L);
        return sized;
    }

    private static long ndjsonBytes(EventEnvelope envelope) {
        try {
            return Json.MAPPER.writeValueAsBytes(envelope).length + 1L;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inclusive ranges of versions, for "no gaps" assertions. */
    static final class LongRange {
        static List<Long> of(long from, long to) {
            return IntStream.rangeClosed(0, (int) (to - from)).mapToObj(i -> from + i).toList();
        }
    }
}
