package io.farmhub.intake;

import io.farmhub.commands.CommandError;
import io.farmhub.commands.CommandErrors;
import io.farmhub.commands.CommandGateway;
import io.farmhub.commands.Submission;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.ErrorCode;
import io.farmhub.schedules.FiringLock;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The step of the {@code sensor-drain} route: submits the journaled readings ({@link SensorJournal}) in order, each as
 * its command {@code sensor:<sensorId>:<at>} exactly as a reading submitted directly, and records each chunk drained
 * on the {@link SensorJournalCursor} after its readings are submitted.
 *
 * <p>One drain runs at a time: the route has one consumer, and the schedules' {@link FiringLock} (a blob lease in the
 * azure profile) keeps hubs sharing a journal from draining it together. A chunk's readings are submitted in
 * {@code farmhub.sensors.drain.submitters} lanes at once (a subject always in the same one); beyond that the pace is the command pipeline's: a
 * submission waits while the workflow queue is full, which holds back the drain and never an HTTP answer.
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
    private final CommandGateway gateway;
    private final CommandErrors errors;
    private final FiringLock lock;
    private final CamelContext camel;
    private final int progressEvery;
    private final ExecutorService submitters;
    private final int lanesCount;
    private long chunksDrained; // by this hub, for the progress log; only the one drain thread writes it

    public SensorDrain(SensorJournal journal, SensorJournalCursor cursor, CommandGateway gateway,
            CommandErrors errors, FiringLock lock, CamelContext camel,
            @Value("${farmhub.sensors.drain.progress-every:100}") int progressEvery,
            @Value("${farmhub.sensors.drain.submitters:8}") int submitters) {
        this.journal = journal;
        this.cursor = cursor;
        this.gateway = gateway;
        this.errors = errors;
        this.lock = lock;
        this.camel = camel;
        this.progressEvery = Math.max(1, progressEvery);
        this.lanesCount = Math.max(1, submitters);
        AtomicInteger n = new AtomicInteger();
        this.submitters = Executors.newFixedThreadPool(lanesCount, runnable -> {
            Thread thread = new Thread(runnable, "sensor-drain-submit-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
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
                submit(chunk);
                if (!cursor.advance(chunk)) {
                    log.info("sensor drain: {} was drained by another hub; going on from the cursor",
                            SensorJournal.stream(chunk.stream()) + "#" + chunk.version());
                    return;
                }
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
     * Submits the chunk's readings in {@code submitters} lanes side by side and returns once all are submitted: one
     * submission waits for its own durable write, so in one lane the drain would go no faster than that write's
     * latency allows, while lanes share the store's commits. A subject (a cow, barn or tractor) always takes the same
     * lane, in journal order, so the drain never sends one aggregate's readings at once to race each other. The cursor
     * moves only after the whole chunk, so a crash still re-submits at most this chunk.
     */
    private void submit(SensorJournal.Chunk chunk) {
        Map<Integer, List<SensorReading>> lanes = new HashMap<>();
        for (SensorReading reading : chunk.readings()) {
            lanes.computeIfAbsent(Math.floorMod(reading.subject().hashCode(), lanesCount), k -> new ArrayList<>())
                    .add(reading);
        }
        List<Future<?>> submitted = new ArrayList<>(lanes.size());
        for (List<SensorReading> lane : lanes.values()) {
            submitted.add(submitters.submit(() -> lane.forEach(reading -> submit(chunk, reading))));
        }
        try {
            for (Future<?> one : submitted) {
                one.get();
            }
        } catch (InterruptedException e) {
            submitted.forEach(one -> one.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sensor drain was interrupted; it goes on from its cursor", e);
        } catch (ExecutionException e) {
            submitted.forEach(one -> one.cancel(true));
            throw e.getCause() instanceof RuntimeException fault ? fault : new IllegalStateException(e.getCause());
        }
    }

    private void submit(SensorJournal.Chunk chunk, SensorReading reading) {
        CommandRequest command = reading.toCommand(chunk.submittedBy()).withGrantedRoles(chunk.grantedRoles());
        if (gateway.submit(command) instanceof Submission.PayloadMismatch) {
            // Stamped with the chunk's time, so recording it again after a crash finds the same record.
            errors.record(new CommandError(chunk.recordedAt(), command.commandId(), command.commandType(),
                    ErrorCode.CONFLICT.name(), null, "A different reading was already recorded as "
                            + command.commandId() + "; a sensor sends one value per instant, so " + reading.value()
                            + " " + reading.unit() + " from " + chunk.source() + " changed nothing.",
                    chunk.submittedBy(), CommandSource.sensor(reading.sensorId())));
        }
    }

    @PreDestroy
    void stop() {
        submitters.shutdownNow();
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
