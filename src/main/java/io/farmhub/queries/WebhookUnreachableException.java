package io.farmhub.queries;

/**
 * A webhook that could not take an answer now (no connection, a timeout, 5xx, 408 or 429): worth trying again.
 */
public class WebhookUnreachableException extends RuntimeException {

    public WebhookUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
