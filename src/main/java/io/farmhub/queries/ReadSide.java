package io.farmhub.queries;

import io.farmhub.core.EventTypeRegistry;
import java.time.Clock;

/**
 * What every query run reads through: the instance index it fans out over, the registry that types stored
 * events, and the clock of {@code computedAt}.
 */
public record ReadSide(InstanceIndex index, EventTypeRegistry registry, Clock clock) {
}
