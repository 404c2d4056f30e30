package io.farmhub.queries;

/** A webhook that answered with a 4xx other than 408 and 429: sending the same answer again would not help. */
public class WebhookRefusedException extends RuntimeException {

    public WebhookRefusedException(String message) {
        super(message, null, false, false);
    }
}
