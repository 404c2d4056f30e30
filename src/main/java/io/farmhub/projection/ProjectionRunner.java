package io.farmhub.projection;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import io.farmhub.notify.Notification;
import io.farmhub.notify.Notifier;
import io.farmhub.notify.Topic;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
        followers.add(new BarnOccupancyFollower(snapshots, notifications));
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /** The route's entry: a {@code farm.event-appended} CloudEvent. Anything else is not for the projections. */
    public void onNotification(Notification notification) {
        if (notification == null || !EVENT_APPENDED.equals(notification.type()) || notification.data() == null) {
            return;
        }
        JsonNode data = notification.data();
        StreamId stream;
        try {
            stream = StreamId.parse(data.path("stream").asText());
        } catch (IllegalArgumentException e) {
            log.warn("ignoring notification {}: {}", notification.id(), e.getMessage());
            return;
        }
        if (stream.domain().equals("farm")) {
            catchUp(stream, data.path("version").asLong(Long.MAX_VALUE));
        }
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
