package io.farmhub.projection;

import io.farmhub.core.EventEnvelope;
import io.farmhub.eventstore.StreamVersion;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a projection from its streams into a fresh generation while the current one keeps serving reads and
 * taking notifications, then switches reads over in one step:
 * <ol>
 * <li>list the streams (their versions sum to the events to fold: the progress total);</li>
 * <li>fold every stream from scratch on {@code threads} workers, writing the new generation in batches;</li>
 * <li>catch the new generation up with what was appended meanwhile (reconciliation against it);</li>
 * <li>switch; catch up once more (a notification handled between 3 and 4 went to the old generation);</li>
 * <li>drop the old generation.</li>
 * </ol>
 * One rebuild per projection at a time.
 */
public final class ProjectionRebuild implements AutoCloseable {

    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final ProjectionRunner runner;
    private final ProjectionReconciliation reconciliation;
    private final Clock clock;
    private final int threads;
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "projection-rebuild");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, RebuildRun> runs = new ConcurrentHashMap<>();

    public ProjectionRebuild(ProjectionRunner runner, ProjectionReconciliation reconciliation, Clock clock,
            int threads) {
        this.runner = runner;
        this.reconciliation = reconciliation;
        this.clock = clock;
        this.threads = Math.max(1, threads);
    }

    /** Starts a rebuild in the background, or returns the one already running. */
    public synchronized RebuildProgress start(String projection) {
        FarmProjections.named(projection);
        RebuildRun running = runs.get(projection);
        if (running != null && running.progress().running()) {
            return running.progress();
        }
        RebuildRun run = new RebuildRun(projection, runner.snapshots().newGeneration(projection), clock);
        runs.put(projection, run);
        background.submit(() -> execute(projection, run));
        return run.progress();
    }

    /** Rebuilds now, on this thread (benchmarks, tests, operators' tools). */
    public RebuildProgress run(String projection) {
        RebuildRun run;
        synchronized (this) {
            FarmProjections.named(projection);
            RebuildRun running = runs.get(projection);
            if (running != null && running.progress().running()) {
                throw new IllegalStateException(projection + " is already being rebuilt");
            }
            run = new RebuildRun(projection, runner.snapshots().newGeneration(projection), clock);
            runs.put(projection, run);
        }
        execute(projection, run);
        return run.progress();
    }

    public Optional<RebuildProgress> progress(String projection) {
        FarmProjections.named(projection);
        return Optional.ofNullable(runs.get(projection)).map(RebuildRun::progress);
    }

    private void execute(String projection, RebuildRun run) {
        SnapshotStore store = runner.snapshots();
        int generation = run.generation();
        try {
            build(projection, run);
            run.state(RebuildProgress.CATCHING_UP);
            reconciliation.reconcileGeneration(projection, generation);
            int old = store.currentGeneration(projection);
            store.switchTo(projection, generation);
            reconciliation.reconcileGeneration(projection, generation);
            for (StreamFollower f : runner.followersOf(projection)) {
                store.drop(f.checkpoints(), old);
            }
            run.finished(RebuildProgress.SWITCHED, null);
            RebuildProgress p = run.progress();
            log.info("Rebuilt {} into generation {}: {} events at {} events/s", projection, generation, p.done(),
                    Math.round(p.eventsPerSecond()));
        } catch (RuntimeException e) {
            log.error("Rebuild of {} failed; generation {} keeps serving", projection,
                    store.currentGeneration(projection), e);
            run.finished(RebuildProgress.FAILED, e.getMessage());
            for (StreamFollower f : runner.followersOf(projection)) {
                store.drop(f.checkpoints(), generation);
            }
        }
    }

    private void build(String projection, RebuildRun run) {
        ProjectionDefinition<?> definition = FarmProjections.named(projection);
        List<StreamVersion> own = runner.events().list("farm", definition.aggregate());
        run.total(sum(own));
        fold(definition, own, run, (key, state) -> { });
    }

    /** Folds each stream from scratch and writes the states into the run's generation. */
    private <S> void fold(ProjectionDefinition<S> definition, List<StreamVersion> streams, RebuildRun run,
            BiConsumer<String, S> also) {
        parallel(streams, part -> {
            List<Snapshot> batch = new ArrayList<>();
            for (StreamVersion s : part) {
                S state = foldStream(definition, s, run);
                also.accept(s.stream().key(), state);
                batch.add(snapshot(definition, s.stream().key(), state));
                if (batch.size() >= BATCH) {
                    runner.snapshots().writeAll(run.generation(), batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                runner.snapshots().writeAll(run.generation(), batch);
            }
        });
    }

    private <S> S foldStream(ProjectionDefinition<S> definition, StreamVersion s, RebuildRun run) {
        S state = definition.empty().apply(s.stream().key());
        List<EventEnvelope> envelopes = runner.events().read(s.stream());
        for (EventEnvelope e : envelopes) {
            state = definition.fold().apply(state, e, runner.registry().toEvent(e));
        }
        run.folded(envelopes.size());
        return state;
    }

    private static <S> Snapshot snapshot(ProjectionDefinition<S> definition, String key, S state) {
        return new Snapshot(definition.name(), key, definition.version().applyAsLong(state), definition.encode(state),
                definition.facets().apply(state), null);
    }

    private interface Part {
        void fold(List<StreamVersion> streams);
    }

    /** Splits the streams over the workers, interleaved so long and short streams spread evenly. */
    private void parallel(List<StreamVersion> streams, Part part) {
        if (threads == 1 || streams.size() < 2) {
            part.fold(streams);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                List<StreamVersion> mine = new ArrayList<>();
                for (int i = w; i < streams.size(); i += threads) {
                    mine.add(streams.get(i));
                }
                workers.add(pool.submit(() -> part.fold(mine)));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long sum(List<StreamVersion> streams) {
        return streams.stream().mapToLong(StreamVersion::version).sum();
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
