package io.farmhub.intake;

import io.farmhub.commands.Footprints;
import io.farmhub.commands.OrderedSubmissions;
import io.farmhub.commands.OrderedSubmitter;
import io.farmhub.commands.Submission;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.ErrorCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The steps of the sensor routes ({@code routes/sensors.yaml}): read a body of readings ({@link SensorReadings}),
 * then either journal the accepted ones ({@link #journal}, HTTP: the 202 means kept durably, and the
 * {@code sensor-drain} route turns them into commands) or submit each one at once ({@link #submit}, Event Hubs, whose
 * checkpoint already keeps the event until it is processed, each subject's readings decided in {@code at} order). Either way a reading becomes the command
 * {@code sensor:<sensorId>:<at>}: a reading sent again changes nothing, and one sent again with another value never
 * rewrites history.
 */
@Component("sensorIntake")
public class SensorIntake {

    private final SensorReadings readings;
    private final OrderedSubmissions submissions;
    private final Footprints footprints;
    private final int inFlight;
    private final SensorJournal journal;
    private final SensorBacklog backlog;

    public SensorIntake(SensorReadings readings, OrderedSubmissions submissions, Footprints footprints,
            @Value("${farmhub.inbox.in-flight:256}") int inFlight, SensorJournal journal, SensorBacklog backlog) {
        this.readings = readings;
        this.submissions = submissions;
        this.footprints = footprints;
        this.inFlight = inFlight;
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
     * Submits the accepted readings (Event Hubs) and returns once each is decided: one subject's in {@code at} order,
     * one after another, other subjects' side by side. Waiting for the decision, not only the stored command, is
     * what keeps a partition's next event from overtaking this one's readings of the same subject, and what lets the
     * checkpoint move past this event: a crash then leaves nothing of it to reconciliation that a redelivered later
     * event could overtake. The same id with another value is rejected at its index ({@code CONFLICT}).
     */
    public SensorBatchResult submit(SensorBatch.Read batch) throws InterruptedException {
        Map<String, Integer> index = new ConcurrentHashMap<>();
        List<SensorBatch.Rejected> conflicts = Collections.synchronizedList(new ArrayList<>());
        try (OrderedSubmitter sequence = submissions.sequence(inFlight, (command, submission) -> {
            if (submission instanceof Submission.PayloadMismatch) {
                conflicts.add(new SensorBatch.Rejected(index.get(command.commandId()), ErrorCode.CONFLICT,
                        "A different reading was already recorded as " + command.commandId()
                                + "; a sensor sends one value per instant."));
            }
        })) {
            for (SensorBatch.Accepted reading : SubjectOrder.inAtOrder(batch.accepted(),
                    accepted -> SubjectOrder.subject(footprints, accepted.command()), a -> a.reading().at())) {
                index.putIfAbsent(reading.command().commandId(), reading.index());
                sequence.submit(reading.command());
            }
            sequence.awaitAll();
        }
        SensorBatchResult result = batch.result();
        for (SensorBatch.Rejected conflict : conflicts) {
            result = result.withRejected(conflict);
        }
        return result;
    }
}
