package io.farmhub.intake;

import java.util.List;

/**
 * The answer to {@code POST /api/sensors/readings} (interfaces.md): {@code {"accepted": n, "rejected": [{"index",
 * "code", "message"}]}}. A route that finds a submission refused (the same reading id with a different value) adds
 * it with {@link #withRejected}.
 */
public record SensorBatchResult(int accepted, List<SensorBatch.Rejected> rejected) {

    public SensorBatchResult {
        rejected = List.copyOf(rejected);
    }

    /** The same result with one accepted reading moved to the rejected list, kept in index order. */
    public SensorBatchResult withRejected(SensorBatch.Rejected more) {
        List<SensorBatch.Rejected> all = new java.util.ArrayList<>(rejected);
        all.add(more);
        all.sort(java.util.Comparator.comparingInt(SensorBatch.Rejected::index));
        return new SensorBatchResult(accepted - 1, all);
    }
}
