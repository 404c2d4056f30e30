package io.farmhub.eventstore.sqlite;

/** What waits in the writer's queue: one stream's append, several streams' appends made as one, or a deletion. */
sealed interface QueuedWrite permits PendingAppend, PendingAppendAll, PendingDelete {

    /** At least its size as NDJSON: enough to bound a group commit's size. */
    long bytes();
}
