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
    /** Instances whose decoded state is kept (a few KiB each): a herd of this size folds without reading. */
    static final int RECENT_STATES = 10_000;

    private final ProjectionDefinition<S> definition;
    private final SnapshotStore store;
    private final ProjectionNotifications notifications;
    private final Clock clock;
    private final RecentStates<S> recent = new RecentStates<>(RECENT_STATES);

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
            // The state this process stored last, else the store's copy (after a lost race, always the store's).
            RecentStates.Recent<S> base = attempt == 1 ? recent.get(generation, key) : null;
            if (base == null) {
                base = stored(generation, key);
            }
            if (base.version() >= version) {
                return List.of();
            }
            List<StreamEvents.Stored> unseen = events.after(base.version());
            if (unseen.isEmpty()) {
                return List.of(); // notified of a version this store does not show yet: the next hint will come
            }
            S before = base.state();
            S after = before;
            for (StreamEvents.Stored e : unseen) {
                after = definition.fold().apply(after, e.envelope(), e.event());
            }
            Optional<Snapshot> written = store.write(generation, snapshot(key, after, base.etag()));
            if (written.isPresent()) {
                Snapshot next = written.get();
                recent.put(generation, key, new RecentStates.Recent<>(next.version(), next.etag(), after));
                return announce(key, before, after, next);
            }
            recent.forget(generation, key);
        }
        throw new ProjectionStoreException(definition.name() + " " + key + " lost " + MAX_ATTEMPTS
                + " write races in a row; reconciliation will try again", null);
    }

    private RecentStates.Recent<S> stored(int generation, String key) {
        Optional<Snapshot> cached = store.read(definition.name(), generation, key);
        return cached.map(s -> new RecentStates.Recent<>(s.version(), s.etag(), definition.decode(s.state())))
                .orElseGet(() -> new RecentStates.Recent<>(0L, null, definition.empty().apply(key)));
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
