package io.farmhub.projection;

import io.farmhub.notify.Notification;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one per-instance projection ({@link ProjectionDefinition}): reads the cached state, folds the events it
 * has not seen, writes the result conditionally on the ETag it read, and says what changed. Losing a write race
 * means another writer moved the state on: read it again and fold what is still missing.
 */
final class InstanceFollower<S> implements StreamFollower {

    static final int MAX_ATTEMPTS = 10;

    private final ProjectionDefinition<S> definition;
    private final SnapshotStore store;
    private final ProjectionNotifications notifications;
    private final Clock clock;

    InstanceFollower(ProjectionDefinition<S> definition, SnapshotStore store, ProjectionNotifications notifications,
            Clock clock) {
        this.definition = definition;
        this.store = store;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public String projection() {
        return definition.name();
    }

    @Override
    public String aggregate() {
        return definition.aggregate();
    }

    @Override
    public String checkpoints() {
        return definition.name();
    }

    ProjectionDefinition<S> definition() {
        return definition;
    }

    @Override
    public List<Notification> catchUp(int generation, long version, StreamEvents events) {
        String key = events.stream().key();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<Snapshot> cached = store.read(definition.name(), generation, key);
            long seen = cached.map(Snapshot::version).orElse(0L);
            if (seen >= version) {
                return List.of();
            }
            List<StreamEvents.Stored> unseen = events.after(seen);
            if (unseen.isEmpty()) {
                return List.of(); // notified of a version this store does not show yet: the next hint will come
            }
            S before = cached.map(s -> definition.decode(s.state())).orElseGet(() -> definition.empty().apply(key));
            S after = before;
            for (StreamEvents.Stored e : unseen) {
                after = definition.fold().apply(after, e.envelope(), e.event());
            }
            Snapshot next = snapshot(key, after, cached.map(Snapshot::etag).orElse(null));
            if (store.write(generation, next).isPresent()) {
                return announce(key, before, after, next);
            }
        }
        throw new ProjectionStoreException(definition.name() + " " + key + " lost " + MAX_ATTEMPTS
                + " write races in a row; reconciliation will try again", null);
    }

    Snapshot snapshot(String key, S state, String etag) {
        return new Snapshot(definition.name(), key, definition.version().applyAsLong(state), definition.encode(state),
                definition.facets().apply(state), etag);
    }

    private List<Notification> announce(String key, S before, S after, Snapshot next) {
        List<Notification> out = new ArrayList<>();
        out.add(notifications.projectionChanged(definition.name(), key, next.version(), next.state()));
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        for (Map.Entry<String, Boolean> c : ClassificationChanges.of(before, after, today).entrySet()) {
            out.add(notifications.classificationChanged(c.getKey(), key, c.getValue(), next.version()));
        }
        return out;
    }
}
