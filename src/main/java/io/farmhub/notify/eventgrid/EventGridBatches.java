package io.farmhub.notify.eventgrid;

import com.azure.core.models.CloudEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CloudEvents into Event Grid requests: at most 5,000 events and 1 MB (1,048,576 bytes) of JSON array
 * per request. Sizes are measured before splitting; an event that cannot fit alone is left out and named.
 */
final class EventGridBatches {

    static final int MAX_REQUEST_BYTES = 1_048_576;
    static final int MAX_EVENTS_PER_REQUEST = 5_000;

    /** One event with its serialized size. */
    record Sized(String notificationId, CloudEvent event, int bytes) {
    }

    /** The requests to send, and the events refused because no request could carry them. */
    record Plan(List<List<CloudEvent>> requests, List<NotificationTooLargeException> refused) {
    }

    private EventGridBatches() {
    }

    static Plan plan(List<Sized> events) {
        List<List<CloudEvent>> requests = new ArrayList<>();
        List<NotificationTooLargeException> refused = new ArrayList<>();
        List<CloudEvent> current = new ArrayList<>();
        long currentBytes = 2; // "[" and "]"
        for (Sized s : events) {
            if (2L + s.bytes() > MAX_REQUEST_BYTES) {
                refused.add(new NotificationTooLargeException(s.notificationId(), s.bytes(), MAX_REQUEST_BYTES));
                continue;
            }
            long withThis = currentBytes + s.bytes() + (current.isEmpty() ? 0 : 1); // "," between events
            if (!current.isEmpty() && (withThis > MAX_REQUEST_BYTES || current.size() == MAX_EVENTS_PER_REQUEST)) {
                requests.add(current);
                current = new ArrayList<>();
                withThis = 2L + s.bytes();
            }
            current.add(s.event());
            currentBytes = withThis;
        }
        if (!current.isEmpty()) {
            requests.add(current);
        }
        return new Plan(requests, refused);
    }
}
