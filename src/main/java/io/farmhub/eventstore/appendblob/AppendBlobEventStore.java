package io.farmhub.eventstore.appendblob;

import com.azure.storage.blob.BlobContainerClient;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.StreamVersion;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The event store of the azure profile: one append blob per stream in container {@code eventstreams}, named
 * {@code <domain>/<aggregate>/<key>.events}, one envelope's JSON per line, one batch per append block (so a
 * batch is all or nothing), every append conditioned on the append position it expects.
 *
 * <p><b>Segments.</b> An append blob takes at most 50,000 blocks. Once the current segment holds
 * {@code max-blocks-per-segment} blocks (default 49,000) the store seals it (so a stale writer cannot add to
 * it) and continues in the next segment, {@code <key>.events~2}, {@code ~3}, … ({@link SegmentBlob} explains
 * why these names cannot collide with another stream). Readers follow the chain: a sealed segment has a next.
 * Each segment records its first version in its metadata, set by the create request at no extra cost.
 *
 * <p><b>Requests.</b> Every request is billed and counts against the account's rate limit, so the store
 * remembers, per stream, the append position, block count, version and stored event ids
 * ({@link StreamCursor}). With that:
 * <ul>
 *   <li>an append to a stream this store has seen: 1 request (the conditional append);</li>
 *   <li>an append to a new stream with expected version 0: 2 (create if absent, append);</li>
 *   <li>an append to a stream it has not seen: 1 GET per segment, then the append;</li>
 *   <li>a stale expected version it can see locally: no request; a stale position (HTTP 412): the failed append
 *       plus 1 ranged GET of only the bytes it missed, then the verdict (conflict, duplicate, or a retry for
 *       {@link #ANY});</li>
 *   <li>a re-appended batch (idempotency): 1 GET, to return the stored envelopes;</li>
 *   <li>a segment rollover: 2 more (seal, create), once per 49,000 appends;</li>
 *   <li>delete: 1 listing plus 1 DELETE per segment;</li>
 *   <li>read: 1 GET per segment read; version: 1 GET of the bytes past the remembered position;
 *       list: 1 listing per 5,000 blobs plus 1 small GET of the last line of each stream it has not seen.</li>
 * </ul>
 */
public final class AppendBlobEventStore implements EventStore {

    private static final int TAIL_BYTES = 4096;

    private final StreamBlobs blobs;
    private final StreamAppender appender;
    private final Map<StreamId, StreamCursor> cursors;

    public AppendBlobEventStore(BlobContainerClient container, AppendBlobProperties properties) {
        this(container, properties, Clock.systemUTC());
    }

    /** Opens the store, creating its container if it is missing (one request). */
    public AppendBlobEventStore(BlobContainerClient container, AppendBlobProperties properties, Clock clock) {
        this.blobs = new StreamBlobs(container);
        this.appender = new StreamAppender(blobs, properties.maxBlocksPerSegment(), clock);
        int remembered = properties.rememberedStreams();
        this.cursors = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<StreamId, StreamCursor> eldest) {
                return size() > remembered;
            }
        };
        blobs.createContainerIfMissing();
    }

    @Override
    public AppendResult append(StreamId stream, long expectedVersion, List<NewEvent> events) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(events, "events");
        if (expectedVersion < ANY) {
            throw new IllegalArgumentException("expected version must be 0 or more, or ANY, not " + expectedVersion);
        }
        if (new HashSet<>(events.stream().map(NewEvent::eventId).toList()).size() != events.size()) {
            throw new IllegalArgumentException("a batch may not carry the same event id twice");
        }
        StreamCursor cursor = cursor(stream);
        cursor.lock.lock();
        try {
            return appender.append(stream, expectedVersion, events, cursor);
        } finally {
            cursor.lock.unlock();
        }
    }

    @Override
    public List<EventEnvelope> read(StreamId stream, long fromVersion, LocalDate asOf, Instant knownAt) {
        Objects.requireNonNull(stream, "stream");
        StreamCursor cursor = cursor(stream);
        // A reader never waits for a writer: while an append holds the cursor, read from the first segment.
        SegmentBlob first = SegmentBlob.first(stream);
        long generation = cursor.generation;
        if (cursor.lock.tryLock()) {
            try {
                first = cursor.known ? cursor.segmentHolding(fromVersion) : first;
            } finally {
                cursor.lock.unlock();
            }
        }
        List<SegmentChunk> chunks = blobs.fetchFrom(first, 0);
        if (cursor.lock.tryLock()) { // and teaches the cursor what it read, when it can do so without waiting
            try {
                if (cursor.generation == generation) {
                    chunks.forEach(cursor::absorb);
                }
            } finally {
                cursor.lock.unlock();
            }
        }
        Predicate<EventEnvelope> wanted = e -> e.version() >= fromVersion && e.visibleAt(asOf, knownAt);
        return chunks.stream().flatMap(chunk -> chunk.events().stream()).filter(wanted).toList();
    }

    /**
     * Deletes every segment blob of the stream (their metadata goes with them), last segment first: a deletion cut
     * short leaves a shorter stream that is still whole from version 1, never a gap, and the next delete finishes
     * it. One listing plus one request per segment. This store's cursor forgets the stream; another store instance
     * still remembering it finds its segment gone on its next append to it.
     */
    @Override
    public boolean delete(StreamId stream) {
        StreamCursor cursor = cursor(Objects.requireNonNull(stream, "stream"));
        cursor.lock.lock();
        try {
            boolean deleted = false;
            for (SegmentBlob segment : blobs.segmentsOf(stream)) {
                deleted |= blobs.delete(segment);
            }
            return deleted;
        } finally {
            cursor.forget();
            cursor.lock.unlock();
        }
    }

    @Override
    public long version(StreamId stream) {
        StreamCursor cursor = cursor(Objects.requireNonNull(stream, "stream"));
        cursor.lock.lock();
        try {
            appender.catchUp(cursor);
            return cursor.version;
        } finally {
            cursor.lock.unlock();
        }
    }

    @Override
    public List<StreamVersion> list(String domain, String aggregate) {
        StreamId.of(domain, aggregate, "x"); // the same name rules as a stream id, with the same clear error
        return new StreamListing(blobs, domain, aggregate, this::rememberedVersion, TAIL_BYTES).versions();
    }

    /** The version this store knows a segment to end at, if the segment is still exactly as long as it knows. */
    private Long rememberedVersion(SegmentBlob segment, long length) {
        StreamCursor cursor;
        synchronized (cursors) {
            cursor = cursors.get(segment.stream());
        }
        if (cursor == null || !cursor.lock.tryLock()) {
            return null;
        }
        try {
            boolean same = cursor.known && cursor.segment.equals(segment) && cursor.position == length;
            return same ? cursor.version : null;
        } finally {
            cursor.lock.unlock();
        }
    }

    @Override
    public String kind() {
        return "appendblob";
    }

    @Override
    public void ping() {
        blobs.ping();
    }

    private StreamCursor cursor(StreamId stream) {
        synchronized (cursors) {
            return cursors.computeIfAbsent(stream, StreamCursor::new);
        }
    }
}
