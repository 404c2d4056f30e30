package io.farmhub.intake;

import io.farmhub.commands.CommandGateway;
import io.farmhub.commands.Submission;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.ErrorCode;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The steps of the sensor routes ({@code routes/sensors.yaml}): read a body of readings ({@link SensorReadings}),
 * then either journal the accepted ones ({@link #journal}, HTTP: the 202 means kept durably, and the
 * {@code sensor-drain} route turns them into commands) or submit each one at once ({@link #submit}, Event Hubs, whose
 * checkpoint already keeps the event until it is processed). Either way a reading becomes the command
 * {@code sensor:<sensorId>:<at>}: a reading sent again changes nothing, and one sent again with another value never
 * rewrites history.
 */
@Component("sensorIntake")
public class SensorIntake {

    private final SensorReadings readings;
    private final CommandGateway gateway;
    private final SensorJournal journal;
    private final SensorBacklog backlog;

    public SensorIntake(SensorReadings readings, CommandGateway gateway, SensorJournal journal,
            SensorBacklog backlog) {
        this.readings = readings;
        this.gateway = gateway;
        this.journal = journal;
        this.backlog = backlog;
    }

    public SensorBatch read(SensorPost post) {
        SensorBatch batch = readings.read(post.body(), post.submittedBy());
        if (post.grantedRoles() == null || !(batch instanceof SensorBatch.Read read)) {
            return batch;
        }
        return new SensorBatch.Read(read.accepted().stream()
                .map(a -> new SensorBatch.Accepted(a.index(), a.reading(), a.command().withGrantedRoles(post.grantedRoles())))
                .toList(), read.rejected());
    }

    public SensorBatch read(String body, String submittedBy) {
        return readings.read(body, submittedBy);
    }

    /**
     * Journals the accepted readings and answers once they are durably stored: the 202 answer
     * ({@link SensorBatchResult}), or {@link SensorBacklog.Full} when the backlog has reached its bound (nothing is
     * journaled). A replayed reading with another value is found by the drain and recorded in command-errors.
     */
    public Object journal(SensorBatch.Read batch) {
        if (batch.accepted().isEmpty()) {
            return batch.result();
        }
        Optional<SensorBacklog.Full> full = backlog.full();
        if (full.isPresent()) {
            return full.get();
        }
        CommandRequest first = batch.accepted().get(0).command();
        String submittedBy = first.submittedBy();
        journal.append(submittedBy, first.grantedRoles(), CommandSource.api(submittedBy).envelopeForm(),
                batch.accepted().stream().map(SensorBatch.Accepted::reading).toList());
        return batch.result();
    }

    /**
     * Submits every accepted reading at once, without waiting for its command (Event Hubs). The same id with another
     * value is rejected at its index ({@code CONFLICT}).
     */
    public SensorBatchResult submit(SensorBatch.Read batch) {
        SensorBatchResult result = batch.result();
        for (SensorBatch.Accepted reading : batch.accepted()) {
            if (gateway.submit(reading.command()) instanceof Submission.PayloadMismatch) {
                result = result.withRejected(new SensorBatch.Rejected(reading.index(), ErrorCode.CONFLICT,
                        "A different reading was already recorded as " + reading.command().commandId()
                                + "; a sensor sends one value per instant."));
            }
        }
        return result;
    }
}
