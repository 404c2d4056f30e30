package io.farmhub.farm.query;

import io.farmhub.core.Aggregate;
import io.farmhub.core.StreamId;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The streams a query run reads: every stream of some aggregate types ({@code farm/cow/*}), or only the
 * streams named (one animal's history). Whoever loads the envelopes for a run loads exactly these.
 *
 * @param aggregateTypes e.g. {@code cow}, {@code barn}: every farm stream of these types
 * @param streams        single streams, when a parameter names the instance
 */
public record StreamSelection(Set<String> aggregateTypes, Set<StreamId> streams) {

    public StreamSelection {
        aggregateTypes = Set.copyOf(aggregateTypes);
        streams = Set.copyOf(streams);
    }

    public static StreamSelection every(Aggregate<?>... aggregates) {
        return new StreamSelection(Arrays.stream(aggregates).map(Aggregate::type).collect(Collectors.toSet()),
                Set.of());
    }

    public static StreamSelection only(StreamId... streams) {
        return new StreamSelection(Set.of(), Set.of(streams));
    }

    public boolean includes(StreamId stream) {
        return streams.contains(stream)
                || stream.domain().equals("farm") && aggregateTypes.contains(stream.aggregate());
    }
}
