package io.farmhub.notify;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.component.seda.SedaEndpoint;

/** Reading the messages of a notify endpoint in tests: each one's body is a batch, a {@code List<Notification>}. */
public final class NotificationMessages {

    private NotificationMessages() {
    }

    /** The notifications one message carries. */
    @SuppressWarnings("unchecked")
    public static List<Notification> of(Exchange message) {
        return (List<Notification>) message.getMessage().getBody(List.class);
    }

    /** Every notification waiting in a SEDA queue, message after message. */
    public static List<Notification> queued(SedaEndpoint queue) {
        return queue.getQueue().stream().flatMap(e -> of(e).stream()).toList();
    }
}
