package io.farmhub.eventstore.sqlite;

import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One caller's append waiting in the writer's queue; {@code result} completes only after its commit is durable
 * (null for a part of a {@link PendingAppendAll}, which answers for all its parts).
 */
record PendingAppend(StreamId stream, long expectedVersion, List<PendingEvent> events,
        CompletableFuture<AppendResult> result) implements QueuedWrite {

    @Override
    public long bytes() {
        long bytes = 0;
        for (PendingEvent e : events) {
            bytes += e.maxEnvelopeBytes();
        }
        return bytes;
    }
}
