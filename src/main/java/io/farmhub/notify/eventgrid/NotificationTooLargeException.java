package io.farmhub.notify.eventgrid;

/**
 * A notification whose CloudEvent is too large for Event Grid even alone in a request. It is refused
 * (logged and counted); the other notifications of the same publish call still go.
 */
public class NotificationTooLargeException extends RuntimeException {

    private final String notificationId;
    private final long sizeBytes;

    public NotificationTooLargeException(String notificationId, long sizeBytes, long limitBytes) {
        super("notification " + notificationId + " is " + sizeBytes + " bytes as a CloudEvent; Event Grid takes at most "
                + limitBytes + " bytes per event (and per request), so it is not sent");
        this.notificationId = notificationId;
        this.sizeBytes = sizeBytes;
    }

    public String notificationId() {
        return notificationId;
    }

    public long sizeBytes() {
        return sizeBytes;
    }
}
