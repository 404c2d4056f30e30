package io.farmhub.eventstore.sqlite;

import io.farmhub.core.StreamId;
import io.farmhub.eventstore.BatchTooLargeException;
import io.farmhub.eventstore.EventStore;
import java.util.List;

/**
 * The exact NDJSON size of a batch once its versions and recordedAt are known, from the sizes measured on the
 * callers' threads: only the digits of the version and the millisecond part of recordedAt differ. A batch whose
 * upper bound is within the limit needs no exact size at all, which is nearly every batch.
 */
final class BatchSize {

    /** Jackson writes an instant on a whole second without ".SSS". */
    private static final int MILLIS_PART = 4;

    private BatchSize() {
    }

    static long of(List<PendingEvent> events, long firstVersion, long recordedAtMillis) {
        long total = 0;
        for (int i = 0; i < events.size(); i++) {
            total += events.get(i).envelopeBytes() + digits(firstVersion + i) - 1;
        }
        if (Math.floorMod(recordedAtMillis, 1000L) == 0) {
            total -= (long) MILLIS_PART * events.size();
        }
        return total;
    }

    /** True when the batch can be one Azure append block (≤ {@link EventStore#MAX_BATCH_BYTES} as NDJSON). */
    static boolean fits(List<PendingEvent> events, long firstVersion, long recordedAtMillis) {
        long bound = 0;
        for (PendingEvent e : events) {
            bound += e.maxEnvelopeBytes();
        }
        return bound <= EventStore.MAX_BATCH_BYTES || of(events, firstVersion, recordedAtMillis) <= EventStore.MAX_BATCH_BYTES;
    }

    /** Refuses a batch that could not be one Azure append block, so both stores accept exactly the same batches. */
    static void check(StreamId stream, List<PendingEvent> events, long firstVersion, long recordedAtMillis) {
        if (fits(events, firstVersion, recordedAtMillis)) {
            return;
        }
        long bytes = of(events, firstVersion, recordedAtMillis);
        throw new BatchTooLargeException("the batch of " + events.size() + " events for " + stream + " is "
                + bytes + " bytes as NDJSON, over the " + EventStore.MAX_BATCH_BYTES
                + " bytes (4 MiB) one atomic append may carry; append fewer or smaller events at a time");
    }

    private static int digits(long v) {
        return Long.toString(v).length();
    }
}
