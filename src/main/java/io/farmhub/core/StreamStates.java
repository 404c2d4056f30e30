package io.farmhub.core;

import java.util.List;

/**
 * Read-only access to aggregate states for a command handler: each state is folded from its stream and
 * comes with the version it reflects. The pipeline's implementation reads the event store and remembers
 * every stream and version it handed out, so the decision can be appended with matching expected versions;
 * tests use an in-memory one built from given events.
 */
public interface StreamStates {

    /** The state of one instance (the aggregate's initial state at version 0 when the stream is empty). */
    <S> Versioned<S> get(Aggregate<S> aggregate, String key);

    /** The keys of every instance of an aggregate type that has a stream. */
    List<String> keys(Aggregate<?> aggregate);
}
