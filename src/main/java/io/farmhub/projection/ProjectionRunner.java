package io.farmhub.projection;

import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import io.farmhub.notify.Notification;
import io.farmhub.notify.Notifier;
import io.farmhub.notify.Topic;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every projection and classifier of domain.md on {@code farm.event-appended}. A notification is only a
 * hint (at least once, in any order): each follower of the stream compares the version it reflects with the
 * notified one, folds whatever it has not seen (a gap is simply more events read from the stream), writes its
 * state conditionally, and announces what changed on {@code farm-projections}. Nothing changed: nothing sent.
 *
 * <p>Catching up one stream holds that stream's lock (one of {@value #STRIPES}), so a notification and
 * reconciliation do not fight over the same instance in this process; across processes the conditional writes
 * decide.
 */
public final class ProjectionRunner {

    static final String EVENT_APPENDED = "farm.event-appended";
    private static final int STRIPES = 64;
    private static final Logger log = LoggerFactory.getLogger(ProjectionRunner.class);

    private final EventStore events;
    private final EventTypeRegistry registry;
    private final SnapshotStore snapshots;
    private final Supplier<Notifier> notifier;
    private final List<StreamFollower> followers = new ArrayList<>();
    private final Object[] stripes = new Object[STRIPES];
    /** Streams hinted and not yet caught up, with the newest version hinted. */
    private final Map<StreamId, Long> pending = new ConcurrentHashMap<>();

    public ProjectionRunner(EventStore events, EventTypeRegistry registry, SnapshotStore snapshots,
            Supplier<Notifier> notifier, Clock clock) {
        this.events = events;
        this.registry = registry;
        this.snapshots = snapshots;
        this.notifier = notifier;
        ProjectionNotifications notifications = new ProjectionNotifications(clock);
        for (ProjectionDefinition<?> p : FarmProjections.all()) {
            followers.add(new InstanceFollower<>(p, snapshots, notifications, clock));
        }
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /**
     * {@link #hint} and {@link #catchUpHinted} in one, for a caller that wants the read side current when it returns
     * (the routes use the two apart, so that hints wait together).
     */
    public void onNotification(Notification notification) {
        hint(notification);
        catchUpHinted();
    }

    /**
     * Remembers that the notified stream is behind, for
     * {@link #catchUpHinted}. Hints for one stream that arrive while the catch-up is busy become one catch-up to
     * the newest version: under a burst the read side folds several events per write instead of falling further
     * behind, and nothing is dropped (at most one entry per stream waits).
     */
    public void hint(Notification notification) {
        farmStream(notification).ifPresent(stream -> pending.merge(stream, version(notification), Math::max));
    }

    /** The {@code farm-events} route's entry: {@link #hint} for each notification of one message. */
    public void hints(List<Notification> notifications) {
        notifications.forEach(this::hint);
    }

    /** The {@code projection-catch-up} route's entry: catches up every hinted stream until none is left. */
    public void catchUpHinted() {
        while (!pending.isEmpty()) {
            for (StreamId stream : pending.keySet()) {
                Long version = pending.remove(stream);
                if (version == null) {
                    continue;
                }
                try {
                    catchUp(stream, version);
                } catch (RuntimeException e) {
                    // One stream that cannot be caught up now holds up no other; reconciliation comes back to it.
                    log.warn("could not catch up {} to version {}: {}", stream, version, e.getMessage());
                }
            }
        }
    }

    /** Streams hinted and not caught up yet: how far the read side is behind its streams. */
    public int behind() {
        return pending.size();
    }

    private static Optional<StreamId> farmStream(Notification notification) {
        if (notification == null || !EVENT_APPENDED.equals(notification.type()) || notification.data() == null) {
            return Optional.empty();
        }
        try {
            StreamId stream = StreamId.parse(notification.data().path("stream").asText());
            return stream.domain().equals("farm") ? Optional.of(stream) : Optional.empty();
        } catch (IllegalArgumentException e) {
            log.warn("ignoring notification {}: {}", notification.id(), e.getMessage());
            return Optional.empty();
        }
    }

    private static long version(Notification notification) {
        return notification.data().path("version").asLong(Long.MAX_VALUE);
    }

    /** Brings every follower of {@code stream} up to at least {@code version}, announcing what changed. */
    public void catchUp(StreamId stream, long version) {
        List<Notification> changes = new ArrayList<>();
        StreamEvents streamEvents = new StreamEvents(events, registry, stream);
        synchronized (stripe(stream)) {
            for (StreamFollower f : followers) {
                if (f.aggregate().equals(stream.aggregate())) {
                    changes.addAll(f.catchUp(snapshots.currentGeneration(f.projection()), version, streamEvents));
                }
            }
        }
        announce(changes);
    }

    /** One follower, one stream, a given generation: for reconciliation and the end of a rebuild. */
    void catchUp(StreamFollower f, int generation, StreamId stream, long version) {
        List<Notification> changes;
        synchronized (stripe(stream)) {
            changes = f.catchUp(generation, version, new StreamEvents(events, registry, stream));
        }
        if (generation == snapshots.currentGeneration(f.projection())) {
            announce(changes);
        }
    }

    List<StreamFollower> followers() {
        return List.copyOf(followers);
    }

    List<StreamFollower> followersOf(String projection) {
        return followers.stream().filter(f -> f.projection().equals(projection)).toList();
    }

    EventStore events() {
        return events;
    }

    EventTypeRegistry registry() {
        return registry;
    }

    SnapshotStore snapshots() {
        return snapshots;
    }

    private void announce(List<Notification> changes) {
        Notifier target = notifier.get();
        if (!changes.isEmpty() && target != null) {
            try {
                target.publish(Topic.FARM_PROJECTIONS, changes);
            } catch (RuntimeException e) {
                // The state is stored; an announcement is a hint its readers can do without.
                log.warn("could not announce {} projection changes: {}", changes.size(), e.getMessage());
            }
        }
    }

    private Object stripe(StreamId stream) {
        return stripes[Math.floorMod(stream.hashCode(), STRIPES)];
    }
}
