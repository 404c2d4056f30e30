package io.farmhub.eventstore.sqlite;

import io.farmhub.eventstore.AppendAllResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Several streams' appends that go in together or not at all ({@code parts}, whose own futures are unused), in
 * one savepoint of the group's transaction; {@code result} completes only after the commit is durable.
 */
record PendingAppendAll(List<PendingAppend> parts, CompletableFuture<AppendAllResult> result) implements QueuedWrite {

    @Override
    public long bytes() {
        long bytes = 0;
        for (PendingAppend p : parts) {
            bytes += p.bytes();
        }
        return bytes;
    }
}
