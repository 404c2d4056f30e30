package io.farmhub.eventstore.appendblob;

import static io.farmhub.eventstore.EventStore.ANY;
import static io.farmhub.eventstore.EventStore.MAX_BATCH_BYTES;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.BatchTooLargeException;
import io.farmhub.eventstore.EventStoreException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The append protocol for one stream, run while its {@link StreamCursor} is locked: judge the batch against
 * what the cursor remembers (idempotency first, then the expected version), then one conditional append. When
 * storage disagrees (HTTP 412, a sealed or already created segment) it reads only what it missed and judges
 * again, so a conflict is decided on fresh knowledge and never costs a full read of the stream.
 */
final class StreamAppender {

    /** Retries of one append when other writers keep moving the stream (only {@code ANY} retries on its own). */
    private static final int MAX_ATTEMPTS = 10;

    private final StreamBlobs blobs;
    private final int maxBlocksPerSegment;
    private final Clock clock;

    StreamAppender(StreamBlobs blobs, int maxBlocksPerSegment, Clock clock) {
        this.blobs = blobs;
        this.maxBlocksPerSegment = maxBlocksPerSegment;
        this.clock = clock;
    }

    /** Appends (or judges) a batch; the caller holds {@code cursor.lock}. A batch too large fails before any request. */
    AppendResult append(StreamId stream, long expected, List<NewEvent> events, StreamCursor cursor) {
        long guessedVersion = cursor.known ? cursor.version : Math.max(expected, 0);
        checkSize(stream, stamp(stream, events, guessedVersion, clock.instant()));
        return events.isEmpty()
                ? checkVersionOnly(stream, expected, cursor)
                : appendEvents(stream, expected, events, cursor);
    }

    private AppendResult appendEvents(StreamId stream, long expected, List<NewEvent> events, StreamCursor cursor) {
        // fresh: the cursor reflects storage as of this call, so a version mismatch is a real conflict.
        // A stream not seen yet costs a read, except a new one (expected 0): its create request tells.
        List<SegmentChunk> justRead = List.of();
        boolean fresh = !cursor.known;
        if (!cursor.known && expected != 0) {
            justRead = catchUp(cursor);
        }
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            int stored = (int) events.stream().filter(e -> cursor.versionOf(e.eventId()) != null).count();
            if (stored == events.size()) {
                return new AppendResult.Appended(stream, storedEnvelopes(cursor, events, justRead), true);
            }
            if (stored > 0 || (expected != ANY && expected < cursor.version)) {
                return new AppendResult.Conflict(stream, expected, cursor.version);
            }
            if (expected != ANY && expected > cursor.version) {
                if (fresh) {
                    return new AppendResult.Conflict(stream, expected, cursor.version);
                }
                justRead = catchUp(cursor); // the caller has seen more than this store: another writer appended
                fresh = true;
                continue;
            }
            if (cursor.segmentExists && (cursor.sealed || cursor.blocks >= maxBlocksPerSegment) && !rollOver(cursor)) {
                justRead = catchUp(cursor);
                fresh = true;
                continue;
            }
            if (!cursor.segmentExists) {
                if (!blobs.create(cursor.segment, cursor.version + 1)) {
                    justRead = catchUp(cursor);
                    fresh = true;
                    continue;
                }
                cursor.createdEmpty();
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            List<EventEnvelope> envelopes = stamp(stream, events, cursor.version,
                    now.isBefore(cursor.lastRecordedAt) ? cursor.lastRecordedAt : now);
            byte[] block = checkSize(stream, envelopes);
            StreamBlobs.AppendOutcome outcome = blobs.append(cursor.segment, cursor.position, block);
            switch (outcome.status()) {
                case APPENDED -> {
                    cursor.appended(envelopes, outcome.offset(), block.length, outcome.committedBlocks());
                    return new AppendResult.Appended(stream, envelopes, false);
                }
                case SEALED -> cursor.sealed = true;
                case FULL -> cursor.blocks = Integer.MAX_VALUE;
                case MISSING -> throw new EventStoreException("stream blob " + cursor.segment.blobName()
                        + " has disappeared from container " + blobs.containerName() + " (deleted outside FarmHub?)");
                case POSITION_MOVED -> {
                    // another writer appended since this store last looked: learn what, then judge again
                }
            }
            justRead = catchUp(cursor);
            fresh = true;
        }
        throw new EventStoreException("stream " + stream + " kept moving under " + MAX_ATTEMPTS
                + " append attempts; giving up on this batch (nothing of it was written)");
    }

    /** An empty batch writes nothing but still answers whether the expected version is current. */
    private AppendResult checkVersionOnly(StreamId stream, long expected, StreamCursor cursor) {
        if (expected == ANY) {
            return new AppendResult.Appended(stream, List.of(), false);
        }
        if (!cursor.known || expected >= cursor.version) {
            catchUp(cursor); // only storage can confirm the stream has not moved on
        }
        return expected == cursor.version
                ? new AppendResult.Appended(stream, List.of(), false)
                : new AppendResult.Conflict(stream, expected, cursor.version);
    }

    /** Seals the full segment and moves the cursor to the next one; false when the segment grew meanwhile. */
    private boolean rollOver(StreamCursor cursor) {
        if (!cursor.sealed && !blobs.seal(cursor.segment, cursor.position)) {
            return false;
        }
        cursor.startNextSegment();
        return true;
    }

    /** Reads whatever was appended past the cursor (all of it for a stream not seen yet) and moves the cursor. */
    List<SegmentChunk> catchUp(StreamCursor cursor) {
        List<SegmentChunk> chunks = cursor.sealed
                ? blobs.fetchFrom(cursor.segment.next(), 0)
                : blobs.fetchFrom(cursor.segment, cursor.position);
        chunks.forEach(cursor::absorb);
        cursor.known = true;
        return chunks;
    }

    /** The earlier result of a re-appended batch: its envelopes as stored, from what was just read or a read. */
    private List<EventEnvelope> storedEnvelopes(StreamCursor cursor, List<NewEvent> events, List<SegmentChunk> justRead) {
        Map<String, EventEnvelope> byId = new HashMap<>();
        justRead.forEach(chunk -> chunk.events().forEach(e -> byId.put(e.eventId(), e)));
        if (!events.stream().allMatch(e -> byId.containsKey(e.eventId()))) {
            long first = events.stream().mapToLong(e -> cursor.versionOf(e.eventId())).min().orElse(1);
            blobs.fetchFrom(cursor.segmentHolding(first), 0)
                    .forEach(chunk -> chunk.events().forEach(e -> byId.put(e.eventId(), e)));
        }
        return events.stream().map(e -> byId.get(e.eventId()))
                .sorted((a, b) -> Long.compare(a.version(), b.version())).toList();
    }

    private static List<EventEnvelope> stamp(StreamId stream, List<NewEvent> events, long afterVersion, Instant at) {
        List<EventEnvelope> envelopes = new ArrayList<>(events.size());
        for (NewEvent event : events) {
            envelopes.add(EventEnvelope.stored(event, stream, afterVersion + envelopes.size() + 1, at));
        }
        return envelopes;
    }

    private static byte[] checkSize(StreamId stream, List<EventEnvelope> envelopes) {
        byte[] block = EnvelopeLines.encode(envelopes);
        if (block.length > MAX_BATCH_BYTES) {
            throw new BatchTooLargeException("a batch of " + envelopes.size() + " events for stream " + stream + " is "
                    + block.length + " bytes as stored, more than the " + MAX_BATCH_BYTES
                    + " bytes (4 MiB) one append can carry atomically; nothing was written");
        }
        return block;
    }
}
