package io.farmhub.queries;

import io.farmhub.core.StreamId;
import io.farmhub.eventstore.StreamVersion;
import java.util.List;
import java.util.Optional;

/**
 * The instances a query fans out over: every stream of a farm aggregate type with its current version (always
 * current: a new cow appears at once), and, where the hub keeps a classifiers' membership index, the members of
 * one classifier set now. {@link ListedInstances} is the event store's listing with the projections'
 * membership index when there is one; a bean of this type takes its place.
 */
public interface InstanceIndex {

    /** Every stream of {@code farm/<aggregateType>/*} with its version, in any order. */
    List<StreamVersion> instances(String aggregateType);

    /** The streams in one classifier set now; empty when this hub keeps no membership index. */
    default Optional<List<StreamId>> members(String classifier, String setKey) {
        return Optional.empty();
    }
}
