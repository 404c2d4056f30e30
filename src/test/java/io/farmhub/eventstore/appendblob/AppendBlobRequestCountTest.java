package io.farmhub.eventstore.appendblob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.farmhub.azure.Azurite;
import io.farmhub.core.Json;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.AppendResult.Appended;
import io.farmhub.eventstore.AppendResult.Conflict;
import io.farmhub.eventstore.BatchTooLargeException;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.StreamVersion;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every storage request is billed and counts against the account's 20,000 requests/s, so the store's request
 * economy is part of its contract: these tests count the requests each operation sends to Azurite, exactly.
 */
class AppendBlobRequestCountTest {

    private static final String CONTAINER = Azurite.uniqueContainerName("requests");

    private final CountedStore a = CountedStore.open(CONTAINER, 49_000);
    private final CountedStore b = CountedStore.open(CONTAINER, 49_000);
    private final StreamId stream = StreamId.farm("cow", "IE" + (UUID.randomUUID().getMostSignificantBits() & 0xFFFFFFFFFFL));

    @Test
    void a_new_stream_costs_its_create_and_its_append_and_no_read() {
        assertThat(cost(a, () -> a.store().append(stream, 0, events(2)))).isEqualTo(Map.of("PUT", 2L));
    }

    @Test
    void a_steady_state_append_to_a_stream_the_store_has_seen_costs_exactly_one_request() {
        a.store().append(stream, 0, events(1));

        for (long version = 1; version <= 20; version++) {
            long expected = version;
            assertThat(cost(a, () -> a.store().append(stream, expected, events(1))))
                    .as("append at version %d", version).isEqualTo(Map.of("PUT", 1L));
        }
        assertThat(cost(a, () -> a.store().append(stream, 21, events(5)))).isEqualTo(Map.of("PUT", 1L));
        assertThat(a.store().version(stream)).isEqualTo(26);
    }

    @Test
    void a_cold_stream_costs_one_read_then_its_appends_cost_one_request() {
        a.store().append(stream, 0, events(3));

        assertThat(cost(b, () -> b.store().append(stream, 3, events(1)))).isEqualTo(Map.of("GET", 1L, "PUT", 1L));
        assertThat(cost(b, () -> b.store().append(stream, 4, events(1)))).isEqualTo(Map.of("PUT", 1L));
    }

    @Test
    void a_stale_append_position_costs_the_refused_append_and_one_read_then_the_store_is_current_again() {
        a.store().append(stream, 0, events(1));
        b.store().append(stream, 1, events(1)); // a's remembered position is now stale

        Map<String, Long> conflict = cost(a, () -> assertConflict(a.store().append(stream, 1, events(1)), 1, 2));
        assertThat(conflict).isEqualTo(Map.of("PUT", 1L, "GET", 1L));
        assertThat(cost(a, () -> a.store().append(stream, 2, events(1)))).isEqualTo(Map.of("PUT", 1L));
    }

    @Test
    void any_on_a_stale_append_position_costs_the_refused_append_one_read_and_the_retried_append() {
        a.store().append(stream, 0, events(1));
        b.store().append(stream, 1, events(1));

        assertThat(cost(a, () -> a.store().append(stream, EventStore.ANY, events(1))))
                .isEqualTo(Map.of("PUT", 2L, "GET", 1L));
        assertThat(a.store().version(stream)).isEqualTo(3);
    }

    @Test
    void a_conflict_the_store_can_see_from_what_it_remembers_costs_no_request() {
        a.store().append(stream, 0, events(2));

        assertThat(cost(a, () -> assertConflict(a.store().append(stream, 1, events(1)), 1, 2))).isEmpty();
    }

    @Test
    void a_re_appended_batch_costs_one_read_to_return_the_stored_envelopes() {
        List<NewEvent> batch = events(2);
        Appended first = (Appended) a.store().append(stream, 0, batch);
        a.store().append(stream, 2, events(1));

        assertThat(cost(a, () -> {
            Appended again = (Appended) a.store().append(stream, 0, batch);
            assertThat(again.duplicate()).isTrue();
            assertThat(again.events()).isEqualTo(first.events());
        })).isEqualTo(Map.of("GET", 1L));
    }

    @Test
    void a_segment_rollover_costs_a_seal_and_a_create_once_per_segment() {
        CountedStore small = CountedStore.open(CONTAINER, 3);
        small.store().append(stream, 0, events(1));
        small.store().append(stream, 1, events(1));
        small.store().append(stream, 2, events(1));

        assertThat(cost(small, () -> small.store().append(stream, 3, events(1)))).isEqualTo(Map.of("PUT", 3L));
        assertThat(cost(small, () -> small.store().append(stream, 4, events(1)))).isEqualTo(Map.of("PUT", 1L));
    }

    @Test
    void reads_cost_one_request_per_segment_and_listing_reads_only_the_streams_it_has_not_seen() {
        String aggregate = "herd" + UUID.randomUUID().toString().substring(0, 8);
        StreamId one = StreamId.of("test", aggregate, "one");
        StreamId two = StreamId.of("test", aggregate, "two");
        a.store().append(one, 0, events(2));
        a.store().append(two, 0, events(1));

        assertThat(cost(a, () -> assertThat(a.store().read(one)).hasSize(2))).isEqualTo(Map.of("GET", 1L));
        assertThat(cost(a, () -> assertThat(a.store().version(one)).isEqualTo(2))).isEqualTo(Map.of("GET", 1L));
        List<StreamVersion> expected = List.of(new StreamVersion(one, 2), new StreamVersion(two, 1));
        // a remembers both streams: the listing alone answers
        assertThat(cost(a, () -> assertThat(a.store().list("test", aggregate)).isEqualTo(expected)))
                .isEqualTo(Map.of("GET", 1L));
        // b has seen neither: the listing, then the last line of each
        assertThat(cost(b, () -> assertThat(b.store().list("test", aggregate)).isEqualTo(expected)))
                .isEqualTo(Map.of("GET", 3L));
    }

    @Test
    void a_batch_over_4_mib_is_refused_before_any_request() {
        String big = "x".repeat(EventStore.MAX_BATCH_BYTES / 2);
        List<NewEvent> batch = List.of(event(big), event(big));

        assertThat(cost(a, () -> assertThatThrownBy(() -> a.store().append(stream, 0, batch))
                .isInstanceOf(BatchTooLargeException.class)
                .hasMessageContaining("4 MiB")
                .hasMessageContaining(stream.toString()))).isEmpty();
        assertThat(a.store().version(stream)).isZero();
    }

    private static Map<String, Long> cost(CountedStore store, Runnable operation) {
        store.requests().reset();
        operation.run();
        return store.requests().snapshot();
    }

    private void assertConflict(AppendResult result, long expected, long actual) {
        assertThat(result).isEqualTo(new Conflict(stream, expected, actual));
    }

    private static List<NewEvent> events(int n) {
        Supplier<NewEvent> one = () -> event("grazing");
        return java.util.stream.Stream.generate(one).limit(n).toList();
    }

    private static NewEvent event(String note) {
        String commandId = "cmd-" + UUID.randomUUID();
        return new NewEvent(UUID.randomUUID().toString(), "AnimalRelocated", 1, "2026-11-20", commandId, commandId,
                "mary", "api:mary", null, Json.MAPPER.createObjectNode().put("note", note));
    }
}
