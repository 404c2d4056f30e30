package io.farmhub.queries;

import io.farmhub.eventstore.StreamVersion;
import java.util.List;

/**
 * The instances a query fans out over: every stream of one farm aggregate type with its current version. The
 * engine also checks a cached answer against it, so it must be current (a new cow appears at once). Today it
 * is the event store's listing ({@link ListedInstances}); a classifier's membership index can take its place
 * by being a bean of this type.
 */
public interface InstanceIndex {

    /** Every stream of {@code farm/<aggregateType>/*} with its version, in any order. */
    List<StreamVersion> instances(String aggregateType);
}
