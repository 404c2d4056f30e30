package io.farmhub.eventstore.sqlite;

import io.farmhub.core.StreamId;
import java.util.concurrent.CompletableFuture;

/**
 * A stream's deletion waiting in the writer's queue: it goes through the writer like an append (its own savepoint in
 * the group's transaction), so it is ordered with every append and never races one; {@code result} (whether the
 * stream held any events) completes only after the commit is durable.
 */
record PendingDelete(StreamId stream, CompletableFuture<Boolean> result) implements QueuedWrite {

    @Override
    public long bytes() {
        return 0;
    }
}
