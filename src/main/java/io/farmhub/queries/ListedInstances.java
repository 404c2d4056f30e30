package io.farmhub.queries;

import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.StreamVersion;
import io.farmhub.projection.MembershipIndex;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instances of an aggregate type as the event store lists them (one SQL query, or one blob listing whose
 * lengths give the versions), and classifier sets from the projections' membership index when the hub has one.
 * An index that cannot answer just now costs a run its shortcut, not its answer: the run reads every instance.
 */
public final class ListedInstances implements InstanceIndex {

    private static final Logger log = LoggerFactory.getLogger(ListedInstances.class);

    private final EventStore store;
    private final MembershipIndex membership;

    /** @param membership null for a hub without projections */
    public ListedInstances(EventStore store, MembershipIndex membership) {
        this.store = store;
        this.membership = membership;
    }

    @Override
    public List<StreamVersion> instances(String aggregateType) {
        return store.list("farm", aggregateType);
    }

    @Override
    public Optional<List<StreamId>> members(String classifier, String setKey) {
        if (membership == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(membership.members(classifier, setKey));
        } catch (RuntimeException e) {
            log.warn("the membership index could not list {}({}), so the run reads every instance: {}", classifier,
                    setKey, e.toString());
            return Optional.empty();
        }
    }
}
