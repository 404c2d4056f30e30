package io.farmhub.projection;

/** The projection cache cannot be reached or written (an infrastructure fault, not a business outcome). */
public class ProjectionStoreException extends RuntimeException {

    public ProjectionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
