package io.farmhub.queries;

import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.StreamVersion;
import java.util.List;

/**
 * The instances of an aggregate type as the event store lists them: one SQL query, or one blob listing (whose
 * lengths give the versions) on Azure. No stream is read whole.
 */
public final class ListedInstances implements InstanceIndex {

    private final EventStore store;

    public ListedInstances(EventStore store) {
        this.store = store;
    }

    @Override
    public List<StreamVersion> instances(String aggregateType) {
        return store.list("farm", aggregateType);
    }
}
