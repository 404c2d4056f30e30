package io.farmhub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.EventStoreException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The sensor journal: readings accepted over HTTP are kept here, durably, before the 202 answer, and turned into
 * commands afterwards by {@link SensorDrain}. It lives in the event store, so it works on both runtimes.
 *
 * <p>Streams {@code sensor/journal/<n>} (n = 1, 2, …) each hold at most {@code farmhub.sensors.journal.chunks-per-stream}
 * events {@code SensorReadingsJournaled}, one per chunk of at most {@code farmhub.sensors.journal.chunk-readings}
 * readings (one append each: well under the 4 MiB an append may carry). A full stream is followed by the next, so the
 * drain never reads more than one bounded stream at a time (an append blob is read a segment at a time). The envelope
 * carries the submitter ({@code who}) and the source ({@code api:<user>}); each chunk carries {@code through}, the
 * readings journaled up to and including it, which is how the backlog is counted.
 *
 * <p>A hub appends one chunk at a time, each with the version it expects, so {@code through} is exact: a hub that
 * finds the journal moved on (another hub appended) reads its tail again and appends after it. Drained streams are
 * deleted in the end ({@link SensorJournalRetention}), never the last one, so the tail is always found, and a hub starts
 * a new stream only from the tail it has just read.
 */
@Component
public class SensorJournal {

    static final String DOMAIN = "sensor";
    static final String TYPE = "SensorReadingsJournaled";
    private static final int MAX_ATTEMPTS = 100;

    private final EventStore store;
    private final int chunkReadings;
    private final int chunksPerStream;
    private Tail tail; // guarded by this; null until first needed

    /** The last chunk journaled: stream number, its version there, and readings journaled through it. */
    record Tail(long stream, long version, long through) {
    }

    /** One journaled chunk, read back for the drain. */
    public record Chunk(long stream, long version, long through, String submittedBy, Set<String> grantedRoles,
            String source, Instant recordedAt, List<SensorReading> readings) {
    }

    public SensorJournal(EventStore store,
            @Value("${farmhub.sensors.journal.chunk-readings:1000}") int chunkReadings,
            @Value("${farmhub.sensors.journal.chunks-per-stream:100}") int chunksPerStream) {
        if (chunkReadings < 1 || chunkReadings > 5_000) {
            throw new IllegalArgumentException("farmhub.sensors.journal.chunk-readings must be 1 to 5000 (a chunk is"
                    + " one append, at most 4 MiB), not " + chunkReadings);
        }
        if (chunksPerStream < 1) {
            throw new IllegalArgumentException("farmhub.sensors.journal.chunks-per-stream must be at least 1");
        }
        this.store = store;
        this.chunkReadings = chunkReadings;
        this.chunksPerStream = chunksPerStream;
    }

    static StreamId stream(long n) {
        return StreamId.of(DOMAIN, "journal", Long.toString(n));
    }

    /**
     * Journals the readings in chunks; returns once every chunk is durably stored. {@code grantedRoles}: the roles a
     * bearer token granted the submitter (null for a configured user), kept so the drain's commands carry them.
     */
    public synchronized void append(String submittedBy, Set<String> grantedRoles, String source,
            List<SensorReading> readings) {
        for (int from = 0; from < readings.size(); from += chunkReadings) {
            appendChunk(submittedBy, grantedRoles, source,
                    readings.subList(from, Math.min(readings.size(), from + chunkReadings)));
        }
    }

    /** Readings journaled so far, as far as this hub knows (exact after its own appends). */
    public synchronized long journaled() {
        return tail().through();
    }

    /** Reads the journal's tail from the store again (another hub may have appended). */
    public synchronized long refresh() {
        tail = load();
        return tail.through();
    }

    int chunksPerStream() {
        return chunksPerStream;
    }

    /** The chunks of journal stream {@code n} from {@code fromVersion}, in order. */
    public List<Chunk> read(long n, long fromVersion) {
        return store.read(stream(n), fromVersion).stream().map(e -> chunk(n, e)).toList();
    }

    /** How many chunks journal stream {@code n} holds (0 when it does not exist yet). */
    public long version(long n) {
        return store.version(stream(n));
    }

    private void appendChunk(String submittedBy, Set<String> grantedRoles, String source,
            List<SensorReading> readings) {
        boolean fresh = tail == null;
        Tail at = tail();
        String eventId = UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            boolean full = at.version() >= chunksPerStream;
            if ((full || at.version() == 0) && !fresh) {
                // A stream is only started from the store's own tail: the one this hub remembers may be long stale,
                // and a stream after it drained and deleted since (SensorJournalRetention). Appending there with
                // expected version 0 would start it again, behind the cursor, where no drain ever looks.
                at = tail = load();
                fresh = true;
                full = at.version() >= chunksPerStream;
            }
            long n = full ? at.stream() + 1 : at.stream();
            long through = at.through() + readings.size();
            NewEvent event = new NewEvent(eventId, TYPE, 1, Instant.now().toString(), null, null, submittedBy,
                    source, null, data(readings, through, grantedRoles));
            AppendResult result = store.append(stream(n), full ? 0 : at.version(), List.of(event));
            if (result instanceof AppendResult.Appended appended) {
                EventEnvelope stored = appended.events().get(0); // an earlier identical attempt counts as this one
                tail = new Tail(n, stored.version(), stored.data().path("through").asLong());
                return;
            }
            if (attempt >= MAX_ATTEMPTS) {
                throw new EventStoreException("the sensor journal kept moving on under this hub's appends ("
                        + attempt + " attempts); the readings are not journaled");
            }
            at = tail = load();
            fresh = true;
        }
    }

    private Tail tail() {
        if (tail == null) {
            tail = load();
        }
        return tail;
    }

    private Tail load() {
        long last = store.list(DOMAIN, "journal").stream().filter(s -> s.version() > 0)
                .mapToLong(s -> Long.parseLong(s.stream().key())).max().orElse(0);
        if (last == 0) {
            return new Tail(1, 0, 0);
        }
        List<EventEnvelope> events = store.read(stream(last), Math.max(1, store.version(stream(last))));
        EventEnvelope end = events.get(events.size() - 1);
        return new Tail(last, end.version(), end.data().path("through").asLong());
    }

    /** The value is kept as its decimal text, so the command made from it is byte for byte what it would have been. */
    private static JsonNode data(List<SensorReading> readings, long through, Set<String> grantedRoles) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("through", through);
        if (grantedRoles != null) {
            ArrayNode roles = data.putArray("grantedRoles");
            new TreeSet<>(grantedRoles).forEach(roles::add);
        }
        ArrayNode list = data.putArray("readings");
        for (SensorReading r : readings) {
            list.addObject().put("sensorId", r.sensorId()).put("kind", r.kind()).put("subject", r.subject())
                    .put("value", r.value().toString()).put("unit", r.unit()).put("at", r.at().toString());
        }
        return data;
    }

    private static Chunk chunk(long n, EventEnvelope e) {
        List<SensorReading> readings = new ArrayList<>();
        for (JsonNode r : e.data().path("readings")) {
            readings.add(new SensorReading(r.path("sensorId").asText(), r.path("kind").asText(),
                    r.path("subject").asText(), new BigDecimal(r.path("value").asText()), r.path("unit").asText(),
                    Instant.parse(r.path("at").asText())));
        }
        Set<String> grantedRoles = null;
        if (e.data().has("grantedRoles")) {
            grantedRoles = new TreeSet<>();
            for (JsonNode role : e.data().path("grantedRoles")) {
                grantedRoles.add(role.asText());
            }
        }
        return new Chunk(n, e.version(), e.data().path("through").asLong(), e.who(), grantedRoles, e.source(),
                e.recordedAt(), readings);
    }
}
