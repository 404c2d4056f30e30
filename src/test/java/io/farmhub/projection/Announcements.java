package io.farmhub.projection;

import io.farmhub.notify.Notification;
import io.farmhub.notify.Notifier;
import io.farmhub.notify.Topic;
import java.util.ArrayList;
import java.util.List;

/** A notifier that keeps what was published, per topic, so a test can say exactly what was announced. */
final class Announcements implements Notifier {

    private final List<Notification> projections = new ArrayList<>();

    @Override
    public synchronized void publish(Topic topic, List<Notification> notifications) {
        if (topic == Topic.FARM_PROJECTIONS) {
            projections.addAll(notifications);
        }
    }

    synchronized List<Notification> taken() {
        List<Notification> all = List.copyOf(projections);
        projections.clear();
        return all;
    }

    /** "type subject included?" lines, easy to compare. */
    synchronized List<String> takenAsLines() {
        return taken().stream().map(n -> n.type().replace("farm.", "") + " " + n.subject()
                + (n.data().has("included") ? " " + n.data().get("included").asBoolean() : "")).toList();
    }
}
