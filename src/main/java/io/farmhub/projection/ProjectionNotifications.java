package io.farmhub.projection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.farmhub.core.Json;
import io.farmhub.core.NameUuid;
import io.farmhub.notify.Notification;
import java.time.Clock;

/**
 * The read side's CloudEvents (interfaces.md "Notifications"), on topic {@code farm-projections}:
 * {@code farm.projection-changed} {projection, key, version} and {@code farm.classification-changed}
 * {classifier, key, included}. Ids are derived from what changed (name-based UUIDs), so the same change
 * announced twice (a retry, reconciliation after a crash) is recognisably one change.
 */
final class ProjectionNotifications {

    static final String PROJECTION_CHANGED = "farm.projection-changed";
    static final String CLASSIFICATION_CHANGED = "farm.classification-changed";

    private final Clock clock;

    ProjectionNotifications(Clock clock) {
        this.clock = clock;
    }

    /** @param stateJson the new state: a change that leaves the version alone (barn occupancy) still gets its own id */
    Notification projectionChanged(String projection, String key, long version, String stateJson) {
        ObjectNode data = Json.MAPPER.createObjectNode()
                .put("projection", projection).put("key", key).put("version", version);
        // The state's hash, not the state: hashing the whole JSON into the id cost more than the change itself.
        return new Notification(id(PROJECTION_CHANGED, projection, key, Long.toString(version),
                Integer.toHexString(stateJson.hashCode()) + ":" + stateJson.length()),
                PROJECTION_CHANGED, "/farmhub/projections/" + projection, projection + "/" + key, clock.instant(),
                data);
    }

    /** @param version the instance's version when its membership changed, which makes the id unique */
    Notification classificationChanged(String classifier, String key, boolean included, long version) {
        ObjectNode data = Json.MAPPER.createObjectNode()
                .put("classifier", classifier).put("key", key).put("included", included);
        String family = classifier.contains("(") ? classifier.substring(0, classifier.indexOf('(')) : classifier;
        return new Notification(id(CLASSIFICATION_CHANGED, classifier, key, Long.toString(version),
                Boolean.toString(included)), CLASSIFICATION_CHANGED, "/farmhub/classifiers/" + family,
                classifier + "/" + key, clock.instant(), data);
    }

    private static String id(String... parts) {
        return NameUuid.of(String.join("\n", parts));
    }
}
