package io.farmhub.eventstore.appendblob;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the store remembers of one stream so that the next append is a single request: where the current
 * segment ends (the append position), how many blocks it holds, the stream's version, and the id of every
 * stored event (for idempotency). It is only ever moved forward, by what a GET returned or by the store's
 * own successful append, and is guarded by {@link #lock} (one append per stream at a time in this process).
 */
final class StreamCursor {

    final ReentrantLock lock = new ReentrantLock();

    /** Counts deletions of the stream: what a reader fetched before one must not teach the cursor after it. */
    volatile long generation;

    /** False until storage has been read (or a create proved the stream new): until then nothing here is known. */
    boolean known;
    SegmentBlob segment;
    boolean segmentExists;
    boolean sealed;
    long position;
    int blocks;
    long version;
    Instant lastRecordedAt = Instant.EPOCH;
    /** The version each segment starts at; index 0 is segment 1. */
    private final List<Long> segmentStarts = new ArrayList<>(List.of(1L));
    private final Map<String, Long> versionById = new HashMap<>();

    StreamCursor(StreamId stream) {
        this.segment = SegmentBlob.first(stream);
    }

    /** Moves forward by the lines a GET returned; a chunk older than what is already known changes nothing. */
    void absorb(SegmentChunk chunk) {
        int n = chunk.blob().segment();
        if (n == segment.segment() + 1 && sealed) {
            startNextSegment();
        }
        if (n != segment.segment() || chunk.offset() > position || chunk.blobLength() < position) {
            return;
        }
        for (EventEnvelope event : chunk.events()) {
            if (event.version() <= version) {
                continue;
            }
            if (event.version() != version + 1) {
                throw new EventStoreException("stream blob " + chunk.blob().blobName() + " jumps from version "
                        + version + " to " + event.version());
            }
            record(event);
        }
        known = true;
        segmentExists = true;
        position = chunk.blobLength();
        blocks = chunk.committedBlocks();
        sealed = chunk.sealed();
    }

    /** Moves forward by the store's own append. */
    void appended(List<EventEnvelope> events, long offset, long length, int committedBlocks) {
        events.forEach(this::record);
        known = true;
        segmentExists = true;
        position = offset + length;
        blocks = committedBlocks;
    }

    /** The stream continues in the next segment (the current one is sealed, or about to be). */
    void startNextSegment() {
        segment = segment.next();
        segmentStarts.add(version + 1);
        segmentExists = false;
        sealed = false;
        position = 0;
        blocks = 0;
    }

    /** The stream was created by this append's create request: it was empty. */
    void createdEmpty() {
        known = true;
        segmentExists = true;
    }

    /** The stream was deleted: nothing is known of it any more, and the next use reads storage again. */
    void forget() {
        generation++;
        known = false;
        segment = SegmentBlob.first(segment.stream());
        segmentExists = false;
        sealed = false;
        position = 0;
        blocks = 0;
        version = 0;
        lastRecordedAt = Instant.EPOCH;
        segmentStarts.clear();
        segmentStarts.add(1L);
        versionById.clear();
    }

    Long versionOf(String eventId) {
        return versionById.get(eventId);
    }

    /** The segment holding {@code version} (the first one for versions before it, the current one after). */
    SegmentBlob segmentHolding(long fromVersion) {
        int index = 0;
        while (index + 1 < segmentStarts.size() && segmentStarts.get(index + 1) <= fromVersion) {
            index++;
        }
        return new SegmentBlob(segment.stream(), index + 1);
    }

    private void record(EventEnvelope event) {
        versionById.put(event.eventId(), event.version());
        version = event.version();
        if (event.recordedAt() != null && event.recordedAt().isAfter(lastRecordedAt)) {
            lastRecordedAt = event.recordedAt();
        }
    }
}
