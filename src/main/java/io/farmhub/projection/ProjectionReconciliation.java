package io.farmhub.projection;

import io.farmhub.eventstore.StreamVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds cached states behind their streams and catches them up: what a lost notification leaves behind. Cheap
 * on both backends: one listing of each aggregate's streams with their versions (SQLite: the streams table;
 * append blobs: blob lengths and metadata, no stream is read) against one listing of the cached versions
 * (SQLite: the snapshots table; Azure: blob metadata). Only the streams found behind are read.
 */
public final class ProjectionReconciliation {

    /** What one run did: streams compared, instances behind and caught up, and those that could not be. */
    public record Result(int checked, int caughtUp, int failed) {
        Result plus(Result other) {
            return new Result(checked + other.checked, caughtUp + other.caughtUp, failed + other.failed);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ProjectionReconciliation.class);

    private final ProjectionRunner runner;

    public ProjectionReconciliation(ProjectionRunner runner) {
        this.runner = runner;
    }

    /** Every projection and classifier, in the generation serving reads. Called by the reconciliation schedule. */
    public Result reconcile() {
        Map<String, List<StreamVersion>> listed = new HashMap<>();
        Result total = new Result(0, 0, 0);
        for (StreamFollower f : runner.followers()) {
            int generation = runner.snapshots().currentGeneration(f.projection());
            total = total.plus(reconcileFollower(f, generation, listed));
        }
        if (total.caughtUp() > 0 || total.failed() > 0) {
            log.info("Projection reconciliation caught up {} of {} cached states ({} could not be)", total.caughtUp(),
                    total.checked(), total.failed());
        }
        return total;
    }

    /** One projection (with its feeds) in one generation. */
    Result reconcileGeneration(String projection, int generation) {
        Map<String, List<StreamVersion>> listed = new HashMap<>();
        Result total = new Result(0, 0, 0);
        for (StreamFollower f : runner.followersOf(projection)) {
            total = total.plus(reconcileFollower(f, generation, listed));
        }
        return total;
    }

    private Result reconcileFollower(StreamFollower f, int generation, Map<String, List<StreamVersion>> listed) {
        List<StreamVersion> streams = listed.computeIfAbsent(f.aggregate(), a -> runner.events().list("farm", a));
        Map<String, Long> cached = runner.snapshots().versions(f.checkpoints(), generation);
        int caughtUp = 0;
        int failed = 0;
        for (StreamVersion s : streams) {
            if (cached.getOrDefault(s.stream().key(), 0L) < s.version()) {
                try {
                    runner.catchUp(f, generation, s.stream(), s.version());
                    caughtUp++;
                } catch (RuntimeException e) {
                    // One stream that cannot be folded (an unreadable event, a storage fault) must not keep the
                    // others behind; it is tried again on the next run.
                    failed++;
                    log.warn("{} could not catch up with {}: {}", f.checkpoints(), s.stream(), e.getMessage());
                }
            }
        }
        return new Result(streams.size(), caughtUp, failed);
    }
}
