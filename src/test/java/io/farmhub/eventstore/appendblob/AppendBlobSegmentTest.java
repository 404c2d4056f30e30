package io.farmhub.eventstore.appendblob;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.AppendBlobCreateOptions;
import io.farmhub.azure.Azurite;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.Json;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.AppendResult.Appended;
import io.farmhub.eventstore.AppendResult.Conflict;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.StreamVersion;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How streams continue across segment blobs on Azurite, including writers that disagree on the threshold and crashes mid-rollover. */
class AppendBlobSegmentTest {

    private static final String CONTAINER = Azurite.uniqueContainerName("segments");

    private final String aggregate = "cow" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void a_writer_that_missed_a_rollover_cannot_append_to_the_sealed_segment() {
        // The other writer's threshold is lower: it rolls over at a moment when this writer's remembered
        // append position is still exactly the end of segment 1. Only the seal stops a fork of the stream.
        CountedStore patient = CountedStore.open(CONTAINER, 49_000);
        CountedStore eager = CountedStore.open(CONTAINER, 2);
        StreamId stream = stream("IE1");
        patient.store().append(stream, 0, List.of(event()));
        patient.store().append(stream, 1, List.of(event()));

        assertThat(eager.store().append(stream, 2, List.of(event()))).isInstanceOf(Appended.class);

        AppendResult late = patient.store().append(stream, 2, List.of(event()));
        assertThat(late).isEqualTo(new Conflict(stream, 2, 3));
        assertThat(patient.store().append(stream, 3, List.of(event()))).isInstanceOf(Appended.class);
        assertThat(names()).containsExactly("IE1.events", "IE1.events~2");
        assertThat(patient.store().read(stream)).extracting(EventEnvelope::version).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void streams_whose_keys_look_like_segment_names_never_share_a_blob() {
        CountedStore store = CountedStore.open(CONTAINER, 1);
        StreamId plain = stream("A1");
        StreamId lookalike = stream("A1.events");
        for (int i = 0; i < 3; i++) {
            store.store().append(plain, i, List.of(event()));
            store.store().append(lookalike, 2L * i, List.of(event(), event()));
        }

        assertThat(names()).containsExactlyInAnyOrder("A1.events", "A1.events~2", "A1.events~3",
                "A1.events.events", "A1.events.events~2", "A1.events.events~3");
        EventStore cold = CountedStore.open(CONTAINER, 1).store();
        assertThat(cold.read(plain)).hasSize(3).allMatch(e -> e.stream().equals(plain.toString()));
        assertThat(cold.read(lookalike)).hasSize(6).allMatch(e -> e.stream().equals(lookalike.toString()));
        assertThat(cold.list("farm", aggregate)).containsExactlyInAnyOrder(
                new StreamVersion(plain, 3), new StreamVersion(lookalike, 6));
    }

    @Test
    void a_rollover_interrupted_after_the_create_is_finished_by_the_next_append() {
        CountedStore store = CountedStore.open(CONTAINER, 1);
        StreamId stream = stream("IE2");
        store.store().append(stream, 0, List.of(event()));
        // A writer sealed segment 1, created segment 2 and died before appending to it.
        SegmentBlob second = SegmentBlob.first(stream).next();
        var raw = Azurite.get().blobServiceClient().getBlobContainerClient(CONTAINER);
        raw.getBlobClient(SegmentBlob.first(stream).blobName()).getAppendBlobClient().seal();
        raw.getBlobClient(second.blobName()).getAppendBlobClient()
                .createWithResponse(new AppendBlobCreateOptions().setMetadata(Map.of(StreamBlobs.FIRST_VERSION, "2")), null, null);

        CountedStore cold = CountedStore.open(CONTAINER, 1);
        assertThat(cold.store().list("farm", aggregate)).containsExactly(new StreamVersion(stream, 1));
        assertThat(cold.store().version(stream)).isEqualTo(1);
        assertThat(cold.store().append(stream, 1, List.of(event()))).isInstanceOf(Appended.class);
        assertThat(store.store().append(stream, 1, List.of(event()))).isEqualTo(new Conflict(stream, 1, 2));
        assertThat(store.store().read(stream)).extracting(EventEnvelope::version).containsExactly(1L, 2L);
        assertThat(names()).containsExactly("IE2.events", "IE2.events~2");
    }

    private StreamId stream(String key) {
        return StreamId.of("farm", aggregate, key);
    }

    /** The blob names under this test's aggregate (each test has its own), without the common prefix. */
    private List<String> names() {
        String prefix = SegmentBlob.prefix("farm", aggregate);
        return Azurite.get().blobServiceClient().getBlobContainerClient(CONTAINER)
                .listBlobs(new ListBlobsOptions().setPrefix(prefix), null).stream()
                .map(item -> item.getName().substring(prefix.length()))
                .toList();
    }

    private static NewEvent event() {
        String commandId = "cmd-" + UUID.randomUUID();
        return new NewEvent(UUID.randomUUID().toString(), "MilkRecorded", 1, "2026-11-26T06:12:00Z", commandId,
                commandId, "gate-7", "sensor:collar-17", null, Json.MAPPER.createObjectNode().put("litres", "12.4"));
    }
}
