package io.farmhub.eventstore;

/** A batch that cannot be stored atomically (over 4 MiB, the size of one append block). */
public class BatchTooLargeException extends EventStoreException {

    public BatchTooLargeException(String message) {
        super(message);
    }
}
