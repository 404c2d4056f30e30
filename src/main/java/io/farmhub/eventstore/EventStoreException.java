package io.farmhub.eventstore;

/** An infrastructure fault of the store (I/O, network, a refused request). Business outcomes are never exceptions. */
public class EventStoreException extends RuntimeException {

    public EventStoreException(String message) {
        super(message);
    }

    public EventStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
