package io.farmhub.eventstore.sqlite;

import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One caller's append waiting in the writer's queue; {@code result} completes only after its commit is durable. */
record PendingAppend(StreamId stream, long expectedVersion, List<PendingEvent> events,
        CompletableFuture<AppendResult> result) {

    /** At least its size as NDJSON: enough to bound a group commit's size. */
    long bytes() {
        long bytes = 0;
        for (PendingEvent e : events) {
            bytes += e.maxEnvelopeBytes();
        }
        return bytes;
    }
}
