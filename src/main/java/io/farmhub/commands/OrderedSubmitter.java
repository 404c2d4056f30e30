package io.farmhub.commands;

import io.farmhub.core.CommandRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Submits one sequence of commands (a document's rows, the sensor drain's readings) so that they take effect in
 * sequence order, without sending them one at a time. A command goes to the {@link CommandGateway} only once every
 * earlier command of the sequence that conflicts with it ({@link Footprint#conflicts}) is terminal (COMPLETED,
 * INVALID or FAILED); later commands that conflict with nothing unfinished go ahead of a blocked one. At most
 * {@code window} commands are taken in and unfinished at once, so a 10,000-row form stays in bounded memory.
 *
 * <p>Because no two commands in flight at once conflict, a crash that leaves several to reconciliation cannot
 * reorder anything: whatever order they are finished in, the outcome is the serial one.
 *
 * <p>A command's end is heard through {@link CommandGateway#watch}, and its status is also read every
 * {@code recheck}, because a step recorded by another hub (reconciliation, a second instance) is not heard here.
 * If nothing finishes for {@code stall} while commands are unfinished, the sequence stops with an exception: going
 * on would put a later row before an earlier one, so the caller leaves its input to be tried again (every command
 * is idempotent by id).
 *
 * <p>One thread feeds a sequence ({@link #submit}); the gateway calls run on {@code submitPool}, several at once,
 * so their durable CREATED entries share the store's commits.
 */
public final class OrderedSubmitter implements AutoCloseable {

    /** Told of every submission, on a pool thread (e.g. to record a commandId taken by another command). */
    @FunctionalInterface
    public interface Listener {
        void submitted(CommandRequest command, Submission submission);
    }

    /** Nothing finished for the stall time while commands were unfinished. */
    public static final class Stalled extends IllegalStateException {
        Stalled(String message) {
            super(message);
        }
    }

    private final CommandGateway gateway;
    private final Footprints footprints;
    private final Executor submitPool;
    private final int window;
    private final Duration stall;
    private final Listener listener;
    private final ScheduledFuture<?> rechecks;

    // Guarded by this: the commands taken in and not yet finished, in sequence order.
    private final LinkedHashMap<Long, Entry> unfinished = new LinkedHashMap<>();
    private long taken;
    private long lastProgress = System.nanoTime();
    private RuntimeException failure;
    private boolean closed;

    private static final class Entry {
        final long number;
        final CommandRequest command;
        final Footprint footprint;
        final List<Entry> dependents = new ArrayList<>(0);
        int blockers;
        boolean submitted; // the gateway has it: its end can be watched and read
        boolean finished;
        AutoCloseable watch;

        Entry(long number, CommandRequest command, Footprint footprint) {
            this.number = number;
            this.command = command;
            this.footprint = footprint;
        }
    }

    public OrderedSubmitter(CommandGateway gateway, Footprints footprints, Executor submitPool,
            ScheduledExecutorService timer, int window, Duration recheck, Duration stall, Listener listener) {
        this.gateway = gateway;
        this.footprints = footprints;
        this.submitPool = submitPool;
        this.window = Math.max(1, window);
        this.stall = stall;
        this.listener = listener;
        long every = Math.max(1, recheck.toMillis());
        this.rechecks = timer.scheduleWithFixedDelay(this::recheck, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the next command of the sequence, waiting while {@code window} commands are unfinished, and returns its
     * number in the sequence (1, 2, …). It is submitted as soon as nothing earlier that conflicts with it is
     * unfinished, maybe before this returns. Throws when the sequence stopped (a fault, a stall).
     */
    public long submit(CommandRequest command) throws InterruptedException {
        synchronized (this) {
            while (unfinished.size() >= window) {
                awaitProgress();
            }
            check();
        }
        // Outside the lock: it may read the store. Only this (the feeding) thread adds entries, so the snapshot of
        // pending places it takes stays complete until the entry is added below.
        Footprint footprint = footprints.of(command, this::pendingPlaces);
        Entry entry;
        synchronized (this) {
            check();
            entry = new Entry(++taken, command, footprint);
            for (Entry earlier : unfinished.values()) {
                if (earlier.footprint.conflicts(footprint)) {
                    earlier.dependents.add(entry);
                    entry.blockers++;
                }
            }
            unfinished.put(entry.number, entry);
            if (entry.blockers == 0) {
                dispatch(entry);
            }
        }
        return entry.number;
    }

    /** Every command numbered up to this one is finished (0: none yet). */
    public synchronized long finishedThrough() {
        return unfinished.isEmpty() ? taken : unfinished.keySet().iterator().next() - 1;
    }

    /** Waits until every command taken is finished; throws when the sequence stopped first. */
    public synchronized void awaitAll() throws InterruptedException {
        while (!unfinished.isEmpty()) {
            awaitProgress();
        }
        check();
    }

    /** Waits until every command numbered up to {@code number} is finished. */
    public synchronized void awaitThrough(long number) throws InterruptedException {
        while (finishedThrough() < number) {
            awaitProgress();
        }
    }

    /** True when every command taken has reached the gateway (none waits for an earlier one). */
    public synchronized boolean allSubmitted() {
        return unfinished.values().stream().allMatch(e -> e.submitted);
    }

    /** Commands taken and not finished. */
    public synchronized int unfinished() {
        return unfinished.size();
    }

    /** Stops: nothing more is submitted; commands already submitted run on in the pipeline. */
    @Override
    public void close() {
        List<Entry> watched;
        synchronized (this) {
            closed = true;
            watched = new ArrayList<>(unfinished.values());
            notifyAll();
        }
        rechecks.cancel(false);
        watched.forEach(this::stopWatching);
    }

    private void awaitProgress() throws InterruptedException {
        check();
        long left = stall.toNanos() - (System.nanoTime() - lastProgress);
        if (left <= 0) {
            Entry oldest = unfinished.values().iterator().next();
            failure = new Stalled("no command finished for " + stall + "; command "
                    + oldest.command.commandId() + " is still " + (oldest.submitted ? "running" : "waiting")
                    + ", so the commands after it are not submitted out of order");
            notifyAll();
            throw failure;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
    }

    private void check() {
        if (failure != null) {
            throw failure;
        }
        if (closed) {
            throw new IllegalStateException("the ordered submitter is closed");
        }
    }

    private synchronized Set<String> pendingPlaces(String cow) {
        Set<String> barns = new LinkedHashSet<>();
        for (Entry entry : unfinished.values()) {
            String barn = entry.footprint.places().get(cow);
            if (barn != null) {
                barns.add(barn);
            }
        }
        return barns;
    }

    // Called holding the lock; the pool's queue is unbounded (the window bounds it), so this never blocks.
    private void dispatch(Entry entry) {
        submitPool.execute(() -> send(entry));
    }

    private void send(Entry entry) {
        synchronized (this) {
            if (closed || failure != null) {
                return;
            }
        }
        Submission submission;
        try {
            submission = gateway.submit(entry.command);
            listener.submitted(entry.command, submission);
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        // A PayloadMismatch: the id belongs to another command, this one never runs, so nothing waits for it.
        Optional<CommandStatus> status = submission instanceof Submission.Accepted accepted
                ? Optional.of(accepted.status())
                : submission instanceof Submission.AlreadyKnown known ? Optional.of(known.status()) : Optional.empty();
        synchronized (this) {
            entry.submitted = true;
        }
        if (status.isEmpty() || status.get().state().terminal()) {
            finish(entry);
            return;
        }
        AutoCloseable watch = gateway.watch(entry.command.commandId(), now -> {
            if (now.state().terminal()) {
                finish(entry);
            }
        });
        boolean finished;
        synchronized (this) {
            entry.watch = watch;
            finished = entry.finished;
        }
        if (finished) {
            stopWatching(entry);
        }
    }

    private void finish(Entry entry) {
        synchronized (this) {
            if (entry.finished) {
                return;
            }
            entry.finished = true;
            unfinished.remove(entry.number);
            lastProgress = System.nanoTime();
            for (Entry dependent : entry.dependents) {
                if (--dependent.blockers == 0 && !closed && failure == null) {
                    dispatch(dependent);
                }
            }
            entry.dependents.clear();
            notifyAll();
        }
        stopWatching(entry);
    }

    private synchronized void fail(RuntimeException cause) {
        if (failure == null) {
            failure = cause;
        }
        notifyAll();
    }

    /** Reads the status of the commands submitted and not heard finished: another hub may have finished them. */
    private void recheck() {
        List<Entry> running;
        synchronized (this) {
            running = unfinished.values().stream().filter(e -> e.submitted && !e.finished).toList();
        }
        for (Entry entry : running) {
            try {
                gateway.status(entry.command.commandId()).filter(s -> s.state().terminal())
                        .ifPresent(s -> finish(entry));
            } catch (RuntimeException e) {
                return; // the store is down for a moment: the next recheck reads again
            }
        }
    }

    private void stopWatching(Entry entry) {
        AutoCloseable watch;
        synchronized (this) {
            watch = entry.watch;
            entry.watch = null;
        }
        if (watch != null) {
            try {
                watch.close();
            } catch (Exception e) {
                // A watcher that cannot be removed only costs a little memory until the command ends.
            }
        }
    }
}
