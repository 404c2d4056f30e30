package io.farmhub.notify;

import java.util.List;

/**
 * Publishes notifications to a topic. Two implementations: in-process Camel endpoints (embedded) and Azure
 * Event Grid (azure). Delivery is at least once and unordered, so every consumer is idempotent.
 * Publishing must not block an append on a slow consumer.
 */
public interface Notifier {

    void publish(Topic topic, List<Notification> notifications);
}
