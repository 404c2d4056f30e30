package io.farmhub.projection;

import io.farmhub.core.StreamId;
import io.farmhub.notify.Notification;
import java.util.List;

/**
 * Something that follows every stream of one aggregate type and keeps, per stream, a cached state with the
 * stream version it reflects (its checkpoint). Catching up is idempotent: an instance already at or past the
 * asked version changes nothing and announces nothing.
 */
interface StreamFollower {

    /** The projection whose generation this follower writes, and whose rebuild rebuilds it. */
    String projection();

    /** The aggregate type whose streams it follows, e.g. {@code cow}. */
    String aggregate();

    /** The snapshot namespace holding its per-stream checkpoints (its own projection, or a feed of it). */
    String checkpoints();

    /**
     * Brings the instance of {@code events.stream()} in {@code generation} up to at least {@code version}.
     *
     * @return what changed, to be announced (empty when nothing did)
     */
    List<Notification> catchUp(int generation, long version, StreamEvents events);
}
