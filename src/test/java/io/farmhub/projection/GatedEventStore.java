package io.farmhub.projection;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.StreamVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real event store whose whole-stream reads of one stream, made on the rebuild's threads, wait at a gate until
 * the test opens it: a rebuild can then be watched half done.
 */
final class GatedEventStore implements EventStore {

    private final EventStore real;
    private final StreamId gated;
    private final CountDownLatch open = new CountDownLatch(1);
    private final CountDownLatch waiting = new CountDownLatch(1);

    GatedEventStore(EventStore real, StreamId gated) {
        this.real = real;
        this.gated = gated;
    }

    /** Blocks until a rebuild is held at the gate. */
    void awaitHeld() throws InterruptedException {
        if (!waiting.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the rebuild never reached " + gated);
        }
    }

    void open() {
        open.countDown();
    }

    @Override
    public List<EventEnvelope> read(StreamId stream, long fromVersion, LocalDate asOf, Instant knownAt) {
        if (stream.equals(gated) && fromVersion == 1 && Thread.currentThread().getName().startsWith("projection-rebuild")) {
            waiting.countDown();
            try {
                if (!open.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return real.read(stream, fromVersion, asOf, knownAt);
    }

    @Override
    public AppendResult append(StreamId stream, long expectedVersion, List<NewEvent> events) {
        return real.append(stream, expectedVersion, events);
    }

    @Override
    public long version(StreamId stream) {
        return real.version(stream);
    }

    @Override
    public List<StreamVersion> list(String domain, String aggregate) {
        return real.list(domain, aggregate);
    }

    @Override
    public String kind() {
        return real.kind();
    }

    @Override
    public void ping() {
        real.ping();
    }
}
