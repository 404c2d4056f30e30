package io.farmhub.intake;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.EventStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * How far the sensor journal is drained, kept durably beside it: stream {@code sensor/drained/<n>} holds one event
 * {@code SensorReadingsDrained} for each chunk of {@code sensor/journal/<n>} whose readings were submitted, appended
 * with the version it expects, so its version is the number of chunks drained there, and each event's {@code through}
 * is the readings drained in all. A drain that crashes after submitting a chunk but before recording it submits that
 * one chunk again after a restart, which changes nothing (its command ids are already known).
 */
@Component
public class SensorJournalCursor {

    static final String TYPE = "SensorReadingsDrained";

    private final EventStore store;
    private volatile Position position; // null until first needed

    /** The last chunk drained: journal stream number, the chunk's version there, readings drained through it. */
    public record Position(long stream, long version, long through) {
    }

    public SensorJournalCursor(EventStore store) {
        this.store = store;
    }

    static StreamId stream(long n) {
        return StreamId.of(SensorJournal.DOMAIN, "drained", Long.toString(n));
    }

    /** Readings drained so far, as far as this hub knows (exact where this hub drains). */
    public long drained() {
        return position().through();
    }

    public Position position() {
        Position known = position;
        return known != null ? known : load();
    }

    /** Reads the cursor from the store again: another hub may be the one draining. */
    public synchronized Position load() {
        long last = store.list(SensorJournal.DOMAIN, "drained").stream().filter(s -> s.version() > 0)
                .mapToLong(s -> Long.parseLong(s.stream().key())).max().orElse(0);
        if (last == 0) {
            position = new Position(1, 0, 0);
        } else {
            List<EventEnvelope> events = store.read(stream(last), Math.max(1, store.version(stream(last))));
            EventEnvelope end = events.get(events.size() - 1);
            position = new Position(last, end.version(), end.data().path("through").asLong());
        }
        return position;
    }

    /**
     * The cursor's entries for journal stream {@code n}, one per chunk drained there, in chunk order (empty when none
     * is): what {@link SensorJournalRetention} reads to know a stream is used up, and since when.
     */
    public List<EventEnvelope> drainedIn(long n) {
        return store.read(stream(n));
    }

    /**
     * Records the chunk as drained. False when the cursor had already moved past it (another hub drained it
     * meanwhile); the cursor is then read again.
     */
    public synchronized boolean advance(SensorJournal.Chunk chunk) {
        String eventId = UUID.nameUUIDFromBytes(("drained\n" + chunk.stream() + "\n" + chunk.version())
                .getBytes(StandardCharsets.UTF_8)).toString();
        NewEvent event = new NewEvent(eventId, TYPE, 1, Instant.now().toString(), null, null, null, null, null,
                JsonNodeFactory.instance.objectNode().put("through", chunk.through())
                        .put("readings", chunk.readings().size()));
        AppendResult result = store.append(stream(chunk.stream()), chunk.version() - 1, List.of(event));
        if (result instanceof AppendResult.Appended) {
            position = new Position(chunk.stream(), chunk.version(), chunk.through());
            return true;
        }
        load();
        return false;
    }
}
