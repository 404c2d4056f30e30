package io.farmhub.intake;

import io.farmhub.commands.CommandError;
import io.farmhub.commands.CommandErrors;
import io.farmhub.commands.Footprints;
import io.farmhub.commands.OrderedSubmissions;
import io.farmhub.commands.OrderedSubmitter;
import io.farmhub.commands.Submission;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.ErrorCode;
import io.farmhub.schedules.FiringLock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The step of the {@code sensor-drain} route: submits the journaled readings ({@link SensorJournal}) in order, each as
 * its command {@code sensor:<sensorId>:<at>} exactly as a reading submitted directly, and records each chunk drained
 * on the {@link SensorJournalCursor} after its readings are decided.
 *
 * <p>One drain runs at a time: the route has one consumer, and the schedules' {@link FiringLock} (a blob lease in the
 * azure profile) keeps hubs sharing a journal from draining it together. The drain is one {@link OrderedSubmitter}
 * sequence spanning its chunks, each reading writing its subject's stream: one subject's readings are decided one
 * after another, in journal order and, within a chunk, in {@code at} order, while other subjects' go side by side (up
 * to {@code farmhub.inbox.in-flight} unfinished). Beyond that the pace is the command pipeline's: a submission waits
 * while the workflow queue is full, which holds back the drain and never an HTTP answer. The cursor moves past a
 * chunk once its readings are all decided, so after a crash at most the chunks still in flight are drained again
 * (idempotent by command id), and nothing the crash left to reconciliation can be overtaken by a re-drained one.
 *
 * <p>A reading whose command id is already known with another value (the same sensor and instant, a different value)
 * changes nothing and is recorded in command-errors as {@code CONFLICT}, with its submitter and sensor.
 */
@Component("sensorDrain")
public class SensorDrain {

    static final String LOCK = "sensor-drain";
    static final String ROUTE = "sensor-drain";
    private static final Logger log = LoggerFactory.getLogger(SensorDrain.class);

    private final SensorJournal journal;
    private final SensorJournalCursor cursor;
    private final OrderedSubmissions submissions;
    private final Footprints footprints;
    private final CommandErrors errors;
    private final FiringLock lock;
    private final CamelContext camel;
    private final int progressEvery;
    private final int inFlight;
    private long chunksDrained; // by this hub, for the progress log; only the one drain thread writes it

    public SensorDrain(SensorJournal journal, SensorJournalCursor cursor, OrderedSubmissions submissions,
            Footprints footprints, CommandErrors errors, FiringLock lock, CamelContext camel,
            @Value("${farmhub.sensors.drain.progress-every:100}") int progressEvery,
            @Value("${farmhub.inbox.in-flight:256}") int inFlight) {
        this.journal = journal;
        this.cursor = cursor;
        this.submissions = submissions;
        this.footprints = footprints;
        this.errors = errors;
        this.lock = lock;
        this.camel = camel;
        this.progressEvery = Math.max(1, progressEvery);
        this.inFlight = inFlight;
    }

    /** Drains the journal to its end, unless another hub is draining it. */
    public void drain() {
        lock.runOnce(LOCK, Instant.now(), this::drainAll);
    }

    /** A chunk whose readings are all handed to the sequence, up to the reading numbered {@code last}. */
    private record Fed(SensorJournal.Chunk chunk, long last) {
    }

    /** A reading handed to the sequence and not yet submitted, with its chunk (for a CONFLICT's record). */
    private record Waiting(SensorJournal.Chunk chunk, SensorReading reading) {
    }

    private void drainAll() {
        // By command id, in the order they are submitted (one id's readings write one subject: one after another).
        Map<String, Deque<Waiting>> waiting = new ConcurrentHashMap<>();
        Deque<Fed> fed = new ArrayDeque<>();
        try (OrderedSubmitter sequence = submissions.sequence(inFlight,
                (command, submission) -> submitted(next(waiting, command.commandId()), command, submission))) {
            drainAll(sequence, waiting, fed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sensor drain was interrupted; it goes on from its cursor", e);
        }
    }

    private static Waiting next(Map<String, Deque<Waiting>> waiting, String commandId) {
        Waiting[] next = new Waiting[1];
        waiting.computeIfPresent(commandId, (id, queue) -> {
            next[0] = queue.pollFirst();
            return queue.isEmpty() ? null : queue;
        });
        return next[0];
    }

    private void drainAll(OrderedSubmitter sequence, Map<String, Deque<Waiting>> waiting, Deque<Fed> fed)
            throws InterruptedException {
        SensorJournalCursor.Position at = cursor.load(); // another hub may have drained since this one last did
        while (running()) {
            List<SensorJournal.Chunk> chunks = journal.read(at.stream(), at.version() + 1);
            if (chunks.isEmpty()) {
                if (at.version() < journal.chunksPerStream() || journal.version(at.stream() + 1) == 0) {
                    sequence.awaitAll(); // drained to the end once the last readings are decided
                    advance(sequence, fed);
                    return;
                }
                at = new SensorJournalCursor.Position(at.stream() + 1, 0, at.through());
                continue;
            }
            for (SensorJournal.Chunk chunk : chunks) {
                if (!running()) {
                    return;
                }
                long last = sequence.finishedThrough();
                for (SensorReading reading : inAtOrder(chunk)) {
                    CommandRequest command = reading.toCommand(chunk.submittedBy())
                            .withGrantedRoles(chunk.grantedRoles());
                    waiting.compute(command.commandId(), (id, queue) -> {
                        Deque<Waiting> ids = queue == null ? new ArrayDeque<>() : queue;
                        ids.addLast(new Waiting(chunk, reading)); // only ever changed inside compute: atomic per id
                        return ids;
                    });
                    last = sequence.submit(command);
                }
                fed.addLast(new Fed(chunk, last));
                at = new SensorJournalCursor.Position(chunk.stream(), chunk.version(), chunk.through());
                if (!advance(sequence, fed)) {
                    return;
                }
            }
        }
    }

    /**
     * The chunk's readings, each subject's in {@code at} order (journal order otherwise): a batch sent out of order
     * loses nothing the dead band would not drop in order.
     */
    private List<SensorReading> inAtOrder(SensorJournal.Chunk chunk) {
        return SubjectOrder.inAtOrder(chunk.readings(),
                reading -> SubjectOrder.subject(footprints, reading.toCommand(chunk.submittedBy())),
                SensorReading::at);
    }

    /**
     * Moves the cursor past every chunk whose readings are all decided, in journal order; false when another hub
     * drained one of them meanwhile. Only decided: after a crash the drain goes on from the cursor, and a reading of
     * a later chunk must not be decided before an earlier one of its subject that reconciliation still has to run.
     */
    private boolean advance(OrderedSubmitter sequence, Deque<Fed> fed) {
        long decided = sequence.finishedThrough();
        while (!fed.isEmpty() && fed.peekFirst().last() <= decided) {
            SensorJournal.Chunk chunk = fed.removeFirst().chunk();
            if (!cursor.advance(chunk)) {
                log.info("sensor drain: {} was drained by another hub; going on from the cursor",
                        SensorJournal.stream(chunk.stream()) + "#" + chunk.version());
                return false;
            }
            camel.getRegistry().lookupByNameAndType("drainRate", DrainRate.class).drained(chunk.readings().size()); // TODO(lead): inject DrainRate
            if (++chunksDrained % progressEvery == 0) {
                log.info("sensor drain: {} readings drained (through {}#{}), {} journaled",
                        chunk.through(), SensorJournal.stream(chunk.stream()), chunk.version(),
                        journal.journaled());
            }
        }
        return true;
    }

    private void submitted(Waiting waiting, CommandRequest command, Submission submission) {
        if (submission instanceof Submission.PayloadMismatch && waiting != null) {
            SensorJournal.Chunk chunk = waiting.chunk();
            SensorReading reading = waiting.reading();
            // Stamped with the chunk's time, so recording it again after a crash finds the same record.
            errors.record(new CommandError(chunk.recordedAt(), command.commandId(), command.commandType(),
                    ErrorCode.CONFLICT.name(), null, "A different reading was already recorded as "
                            + command.commandId() + "; a sensor sends one value per instant, so " + reading.value()
                            + " " + reading.unit() + " from " + chunk.source() + " changed nothing.",
                    chunk.submittedBy(), CommandSource.sensor(reading.sensorId())));
        }
    }

    /**
     * False once the hub is stopping or the drain route is being stopped: the rest waits for the next start. (A route
     * still starting counts as running: its consumer may hand over a wake queued while it was stopped.)
     */
    private boolean running() {
        if (camel.isStopping() || camel.isStopped()) {
            return false;
        }
        ServiceStatus route = camel.getRouteController().getRouteStatus(ROUTE);
        return route == null || route.isStarting() || route.isStarted();
    }
}
