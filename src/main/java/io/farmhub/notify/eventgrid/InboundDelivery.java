package io.farmhub.notify.eventgrid;

import io.farmhub.notify.Notification;
import java.util.List;

/** What one POST to the webhook carried, once read. */
sealed interface InboundDelivery {

    /** Event Grid's subscription-validation event (EventGridSchema): answer with the code. */
    record Validation(String validationCode) implements InboundDelivery {
    }

    /** CloudEvents to hand to the routes. */
    record Notifications(List<Notification> notifications) implements InboundDelivery {
    }

    /** Not acceptable: the HTTP status (400 or 415) and a sentence saying why. */
    record Unacceptable(int status, String detail) implements InboundDelivery {
    }
}
