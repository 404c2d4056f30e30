package io.farmhub.eventstore.sqlite;

/** What waits in the writer's queue: one stream's append, or several streams' appends made as one. */
sealed interface QueuedWrite permits PendingAppend, PendingAppendAll {

    /** At least its size as NDJSON: enough to bound a group commit's size. */
    long bytes();
}
