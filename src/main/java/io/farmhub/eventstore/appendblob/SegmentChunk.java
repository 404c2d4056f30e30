package io.farmhub.eventstore.appendblob;

import io.farmhub.core.EventEnvelope;
import java.util.List;

/**
 * What one GET of a segment blob returned: its lines from byte {@code offset} to the end, and the blob's
 * state at that moment (length, committed blocks, sealed).
 */
record SegmentChunk(SegmentBlob blob, long offset, List<EventEnvelope> events, long blobLength,
                    int committedBlocks, boolean sealed) {
}
