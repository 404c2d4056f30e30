package io.farmhub.eventstore.appendblob;

import com.azure.storage.blob.models.BlobItem;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStoreException;
import io.farmhub.eventstore.StreamVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The streams of one aggregate type with their versions, without reading any stream whole: one listing gives
 * every stream's last segment and its length; the version is then what the store remembers for a segment of
 * exactly that length, or else the version on the segment's last line (a GET of its last few KiB).
 */
final class StreamListing {

    private final StreamBlobs blobs;
    private final String domain;
    private final String aggregate;
    private final BiFunction<SegmentBlob, Long, Long> remembered;
    private final int tailBytes;

    StreamListing(StreamBlobs blobs, String domain, String aggregate,
                  BiFunction<SegmentBlob, Long, Long> remembered, int tailBytes) {
        this.blobs = blobs;
        this.domain = domain;
        this.aggregate = aggregate;
        this.remembered = remembered;
        this.tailBytes = tailBytes;
    }

    List<StreamVersion> versions() {
        Map<StreamId, SegmentBlob> lastSegments = new HashMap<>();
        Map<SegmentBlob, BlobItem> items = new HashMap<>();
        for (BlobItem item : blobs.list(SegmentBlob.prefix(domain, aggregate))) {
            SegmentBlob.parse(domain, aggregate, item.getName()).ifPresent(segment -> {
                items.put(segment, item);
                lastSegments.merge(segment.stream(), segment,
                        (a, b) -> a.segment() >= b.segment() ? a : b);
            });
        }
        List<StreamVersion> versions = new ArrayList<>();
        for (SegmentBlob segment : lastSegments.values()) {
            long version = version(segment, items.get(segment));
            if (version > 0) {
                versions.add(new StreamVersion(segment.stream(), version));
            }
        }
        versions.sort(Comparator.comparing(v -> v.stream().key()));
        return versions;
    }

    private long version(SegmentBlob segment, BlobItem item) {
        long length = item.getProperties().getContentLength() == null ? 0 : item.getProperties().getContentLength();
        if (length == 0) {
            // Created but not yet written (a crash between create and append): the stream ends just before it.
            return firstVersion(segment, item) - 1;
        }
        Long known = remembered.apply(segment, length);
        if (known != null) {
            return known;
        }
        for (long window = tailBytes; ; window *= 2) {
            long version = EnvelopeLines.lastVersion(blobs.tail(segment, length, window), window >= length,
                    segment.blobName());
            if (version >= 0) {
                return version;
            }
        }
    }

    private static long firstVersion(SegmentBlob segment, BlobItem item) {
        String first = item.getMetadata() == null ? null : item.getMetadata().get(StreamBlobs.FIRST_VERSION);
        if (first == null) {
            if (segment.segment() == 1) {
                return 1;
            }
            throw new EventStoreException("segment blob " + segment.blobName() + " has no " + StreamBlobs.FIRST_VERSION
                    + " metadata: it was not created by FarmHub");
        }
        return Long.parseLong(first);
    }
}
