package io.farmhub.intake;

import io.farmhub.commands.CommandBatches;
import io.farmhub.commands.Footprints;
import io.farmhub.commands.Submission;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.ErrorCode;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The steps of the sensor routes ({@code routes/sensors.yaml}): read a body of readings ({@link SensorReadings}),
 * then either journal the accepted ones ({@link #journal}, HTTP: the 202 means kept durably, and the
 * {@code sensor-drain} route turns them into commands) or run them as one batch ({@link #submit}, Event Hubs, whose
 * checkpoint already keeps the event until it is processed, each subject's readings decided in {@code at} order). Either way a reading becomes the command
 * {@code sensor:<sensorId>:<at>}: a reading sent again changes nothing, and one sent again with another value never
 * rewrites history.
 */
@Component("sensorIntake")
public class SensorIntake {

    private final SensorReadings readings;
    private final CommandBatches batches;
    private final Footprints footprints;
    private final SensorJournal journal;
    private final SensorBacklog backlog;

    public SensorIntake(SensorReadings readings, CommandBatches batches, Footprints footprints,
            SensorJournal journal, SensorBacklog backlog) {
        this.readings = readings;
        this.batches = batches;
        this.footprints = footprints;
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
        // Each subject's readings in at order across the whole batch, not only within each chunk the drain takes.
        journal.append(submittedBy, first.grantedRoles(), CommandSource.api(submittedBy).envelopeForm(),
                SubjectOrder.inAtOrder(batch.accepted(), a -> SubjectOrder.subject(footprints, a.command()),
                        a -> a.reading().at()).stream().map(SensorBatch.Accepted::reading).toList());
        return batch.result();
    }

    /**
     * Runs the accepted readings (Event Hubs) as one batch named {@code key} (stable for the event, such as its
     * partition and sequence number, so a redelivery finishes the same batch) and returns once each has ended: one
     * subject's in {@code at} order, decided on its stream one after another ({@link CommandBatches}). Ended, not
     * only stored, is what lets the checkpoint move past this event: a crash then leaves nothing of it that a
     * redelivered later event could overtake. The same id with another value is answered {@code CONFLICT}.
     */
    public SensorBatchResult submit(String key, SensorBatch.Read batch) {
        List<SensorBatch.Accepted> ordered = SubjectOrder.inAtOrder(batch.accepted(),
                accepted -> SubjectOrder.subject(footprints, accepted.command()), a -> a.reading().at());
        List<Submission> submitted = batches.run(key,
                ordered.stream().map(SensorBatch.Accepted::command).toList());
        SensorBatchResult result = batch.result();
        for (int i = 0; i < submitted.size(); i++) {
            if (submitted.get(i) instanceof Submission.PayloadMismatch) {
                String commandId = ordered.get(i).command().commandId();
                result = result.withRejected(new SensorBatch.Rejected(ordered.get(i).index(), ErrorCode.CONFLICT,
                        "A different reading was already recorded as " + commandId
                                + "; a sensor sends one value per instant."));
            }
        }
        return result;
    }
}
