package io.farmhub.commands;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendAllResult;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.EventStoreException;
import io.farmhub.eventstore.StreamAppend;
import io.farmhub.eventstore.StreamVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The real event store with faults a test switches on: appends to some streams fail before they are written
 * (a disk or network fault), or fail after they were written (the process died, or the answer was lost,
 * between the append and what comes next), or something else happens just before one (another command writes,
 * say). Everything else goes straight to the real store, which also decides whether several streams are one
 * write ({@link #atomicAcrossStreams()}).
 */
public final class FaultyEventStore implements EventStore {

    private final EventStore store;
    private volatile Predicate<StreamId> failBefore = s -> false;
    private volatile Predicate<StreamId> failAfter = s -> false;
    private final AtomicInteger failuresAfter = new AtomicInteger();
    private volatile String message = "";
    private volatile Predicate<StreamId> before = s -> false;
    private volatile Predicate<StreamId> beforeVersion = s -> false;
    private volatile Runnable versionAction = () -> {
    };
    private volatile Runnable beforeAction = () -> {
    };
    private final Map<StreamId, AtomicInteger> appends = new ConcurrentHashMap<>();

    public FaultyEventStore(EventStore store) {
        this.store = store;
    }

    /** Every append to a matching stream fails, writing nothing, until {@link #heal}. */
    public void failAppendsTo(Predicate<StreamId> streams, String message) {
        this.message = message;
        this.failBefore = streams;
    }

    /** The next {@code times} appends to a matching stream are written, then reported as failed. */
    public void failAfterAppending(Predicate<StreamId> streams, int times, String message) {
        this.message = message;
        this.failuresAfter.set(times);
        this.failAfter = streams;
    }

    /**
     * The next append that writes to a matching stream first runs {@code action} on the real store (once), as if
     * another command got there just before it.
     */
    public void justBeforeAppendingTo(Predicate<StreamId> streams, Runnable action) {
        this.beforeAction = action;
        this.before = streams;
    }

    /** The next version check of a matching stream first runs {@code action} on the real store (once). */
    public void justBeforeCheckingVersionOf(Predicate<StreamId> streams, Runnable action) {
        this.versionAction = action;
        this.beforeVersion = streams;
    }

    public void heal() {
        beforeVersion = s -> false;
        before = s -> false;
        failBefore = s -> false;
        failAfter = s -> false;
        failuresAfter.set(0);
    }

    /** How many appends reached the real store for {@code stream}, written or not. */
    public int appendsTo(StreamId stream) {
        AtomicInteger count = appends.get(stream);
        return count == null ? 0 : count.get();
    }

    @Override
    public AppendResult append(StreamId stream, long expectedVersion, List<NewEvent> events) {
        appends.computeIfAbsent(stream, s -> new AtomicInteger()).incrementAndGet();
        interfere(stream, events);
        if (failBefore.test(stream)) {
            throw new EventStoreException(message);
        }
        AppendResult result = store.append(stream, expectedVersion, events);
        if (failAfter.test(stream) && failuresAfter.getAndDecrement() > 0) {
            throw new EventStoreException(message);
        }
        return result;
    }

    @Override
    public boolean atomicAcrossStreams() {
        return store.atomicAcrossStreams();
    }

    /** Fails, or interferes, as a whole: a fault on any of its streams stops the append before anything is written. */
    @Override
    public AppendAllResult appendAll(List<StreamAppend> parts) {
        for (StreamAppend part : parts) {
            appends.computeIfAbsent(part.stream(), s -> new AtomicInteger()).incrementAndGet();
            interfere(part.stream(), part.events());
        }
        if (parts.stream().anyMatch(part -> failBefore.test(part.stream()))) {
            throw new EventStoreException(message);
        }
        AppendAllResult result = store.appendAll(parts);
        if (parts.stream().anyMatch(part -> failAfter.test(part.stream())) && failuresAfter.getAndDecrement() > 0) {
            throw new EventStoreException(message);
        }
        return result;
    }

    private void interfere(StreamId stream, List<NewEvent> events) {
        if (!events.isEmpty() && before.test(stream)) {
            before = s -> false;
            beforeAction.run();
        }
    }

    @Override
    public List<EventEnvelope> read(StreamId stream, long fromVersion, LocalDate asOf, Instant knownAt) {
        return store.read(stream, fromVersion, asOf, knownAt);
    }

    @Override
    public long version(StreamId stream) {
        if (beforeVersion.test(stream)) {
            beforeVersion = s -> false;
            versionAction.run();
        }
        return store.version(stream);
    }

    @Override
    public List<StreamVersion> list(String domain, String aggregate) {
        return store.list(domain, aggregate);
    }

    @Override
    public String kind() {
        return store.kind();
    }

    @Override
    public void ping() {
        store.ping();
    }

    @Override
    public void close() {
        store.close();
    }
}
