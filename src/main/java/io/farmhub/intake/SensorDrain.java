package io.farmhub.intake;

import io.farmhub.commands.CommandBatches;
import io.farmhub.commands.CommandError;
import io.farmhub.commands.CommandErrors;
import io.farmhub.commands.Submission;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.ErrorCode;
import io.farmhub.schedules.FiringLock;
import java.time.Instant;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The step of the {@code sensor-drain} route: turns the journaled readings ({@link SensorJournal}) into events,
 * chunk by chunk in journal order, each chunk as one batch of commands {@code sensor:<sensorId>:<at>}
 * ({@link CommandBatches}): its readings decided in journal order, which is {@code at} order per subject, each
 * subject's stream folded once and appended once. The cursor ({@link SensorJournalCursor}) moves past a chunk once
 * its batch has ended, so after a crash the drain goes on from the chunk it was in, whose batch finds its own record
 * and finishes only what is missing.
 *
 * <p>One drain runs at a time: the route has one consumer, and the schedules' {@link FiringLock} (a blob lease in the
 * azure profile) keeps hubs sharing a journal from draining it together.
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
    private final CommandBatches batches;
    private final CommandErrors errors;
    private final FiringLock lock;
    private final CamelContext camel;
    private final DrainRate rate;
    private final int progressEvery;
    private long chunksDrained; // by this hub, for the progress log; only the one drain thread writes it

    public SensorDrain(SensorJournal journal, SensorJournalCursor cursor, CommandBatches batches,
            CommandErrors errors, FiringLock lock, CamelContext camel, DrainRate rate,
            @Value("${farmhub.sensors.drain.progress-every:100}") int progressEvery) {
        this.journal = journal;
        this.cursor = cursor;
        this.batches = batches;
        this.errors = errors;
        this.lock = lock;
        this.camel = camel;
        this.rate = rate;
        this.progressEvery = Math.max(1, progressEvery);
    }

    /** Drains the journal to its end, unless another hub is draining it. */
    public void drain() {
        lock.runOnce(LOCK, Instant.now(), this::drainAll);
    }

    private void drainAll() {
        SensorJournalCursor.Position at = cursor.load(); // another hub may have drained since this one last did
        while (running()) {
            List<SensorJournal.Chunk> chunks = journal.read(at.stream(), at.version() + 1);
            if (chunks.isEmpty()) {
                if (at.version() < journal.chunksPerStream() || journal.version(at.stream() + 1) == 0) {
                    return; // drained to the end
                }
                at = new SensorJournalCursor.Position(at.stream() + 1, 0, at.through());
                continue;
            }
            for (SensorJournal.Chunk chunk : chunks) {
                if (!running()) {
                    return;
                }
                drain(chunk);
                if (!cursor.advance(chunk)) {
                    log.info("sensor drain: {} was drained by another hub; going on from the cursor",
                            SensorJournal.stream(chunk.stream()) + "#" + chunk.version());
                    return;
                }
                rate.drained(chunk.readings().size()); // what the 503's Retry-After and health are computed from
                at = new SensorJournalCursor.Position(chunk.stream(), chunk.version(), chunk.through());
                if (++chunksDrained % progressEvery == 0) {
                    log.info("sensor drain: {} readings drained (through {}#{}), {} journaled",
                            chunk.through(), SensorJournal.stream(chunk.stream()), chunk.version(),
                            journal.journaled());
                }
            }
        }
    }

    /**
     * One chunk as one batch, named after it: running it again after a crash finishes the same batch. The chunk is
     * run in journal order, which is each subject's {@code at} order: {@link SensorIntake#journal} sorts a posted
     * batch as a whole before cutting it into chunks.
     */
    private void drain(SensorJournal.Chunk chunk) {
        List<SensorReading> readings = chunk.readings();
        List<CommandRequest> commands = readings.stream()
                .map(r -> r.toCommand(chunk.submittedBy()).withGrantedRoles(chunk.grantedRoles()))
                .toList();
        List<Submission> submitted = batches.run("sensor-journal-" + chunk.stream() + "-" + chunk.version(), commands);
        for (int i = 0; i < submitted.size(); i++) {
            if (submitted.get(i) instanceof Submission.PayloadMismatch) {
                conflict(chunk, readings.get(i), commands.get(i));
            }
        }
    }

    private void conflict(SensorJournal.Chunk chunk, SensorReading reading, CommandRequest command) {
        // Stamped with the chunk's time, so recording it again after a crash finds the same record.
        errors.record(new CommandError(chunk.recordedAt(), command.commandId(), command.commandType(),
                ErrorCode.CONFLICT.name(), null, "A different reading was already recorded as "
                        + command.commandId() + "; a sensor sends one value per instant, so " + reading.value()
                        + " " + reading.unit() + " from " + chunk.source() + " changed nothing.",
                chunk.submittedBy(), CommandSource.sensor(reading.sensorId())));
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
