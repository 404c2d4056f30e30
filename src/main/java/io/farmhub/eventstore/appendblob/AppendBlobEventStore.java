package io.farmhub.eventstore.appendblob;

import com.azure.storage.blob.BlobContainerClient;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.BatchTooLargeException;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.EventStoreException;
import io.farmhub.eventstore.StreamVersion;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
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
 *   <li>read: 1 GET per segment read; version: 1 GET of the bytes past the remembered position;
 *       list: 1 listing per 5,000 blobs plus 1 small GET of the last line of each stream it has not seen.</li>
 * </ul>
 */
public final class AppendBlobEventStore implements EventStore {

    /** Retries of one append when other writers keep moving the stream (only {@link #ANY} retries on its own). */
    private static final int MAX_ATTEMPTS = 10;
    private static final int TAIL_BYTES = 4096;

    private final StreamBlobs blobs;
    private final int maxBlocksPerSegment;
    private final Clock clock;
    private final Map<StreamId, StreamCursor> cursors;

    public AppendBlobEventStore(BlobContainerClient container, AppendBlobProperties properties) {
        this(container, properties, Clock.systemUTC());
    }

    /** Opens the store, creating its container if it is missing (one request). */
    public AppendBlobEventStore(BlobContainerClient container, AppendBlobProperties properties, Clock clock) {
        this.blobs = new StreamBlobs(container);
        this.maxBlocksPerSegment = properties.maxBlocksPerSegment();
        this.clock = clock;
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
            long guessedVersion = cursor.known ? cursor.version : Math.max(expectedVersion, 0);
            checkSize(stream, stamp(stream, events, guessedVersion, clock.instant()));
            if (events.isEmpty()) {
                return checkVersionOnly(stream, expectedVersion, cursor);
            }
            return appendLocked(stream, expectedVersion, events, cursor);
        } finally {
            cursor.lock.unlock();
        }
    }

    private AppendResult appendLocked(StreamId stream, long expected, List<NewEvent> events, StreamCursor cursor) {
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
    private List<SegmentChunk> catchUp(StreamCursor cursor) {
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

    @Override
    public List<EventEnvelope> read(StreamId stream, long fromVersion, LocalDate asOf, Instant knownAt) {
        Objects.requireNonNull(stream, "stream");
        StreamCursor cursor = cursor(stream);
        SegmentBlob first;
        cursor.lock.lock();
        try {
            first = cursor.known ? cursor.segmentHolding(fromVersion) : SegmentBlob.first(stream);
        } finally {
            cursor.lock.unlock();
        }
        List<SegmentChunk> chunks = blobs.fetchFrom(first, 0);
        // Teach the cursor what was read, unless an append holds it (a reader never waits for a writer).
        if (cursor.lock.tryLock()) {
            try {
                chunks.forEach(cursor::absorb);
            } finally {
                cursor.lock.unlock();
            }
        }
        Predicate<EventEnvelope> wanted = e -> e.version() >= fromVersion && e.visibleAt(asOf, knownAt);
        return chunks.stream().flatMap(chunk -> chunk.events().stream()).filter(wanted).toList();
    }

    @Override
    public long version(StreamId stream) {
        StreamCursor cursor = cursor(Objects.requireNonNull(stream, "stream"));
        cursor.lock.lock();
        try {
            catchUp(cursor);
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
