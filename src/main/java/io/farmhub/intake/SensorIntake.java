package io.farmhub.intake;

import io.farmhub.commands.CommandGateway;
import io.farmhub.commands.Submission;
import io.farmhub.core.ErrorCode;
import org.springframework.stereotype.Component;

/**
 * The steps of the sensor routes ({@code routes/sensors.yaml}) that HTTP and Event Hubs share: read a body of
 * readings ({@link SensorReadings}) and submit each accepted reading as its command, {@code sensor:<sensorId>:<at>}.
 * A reading sent again is the same command and changes nothing; the same id with another value is rejected at its
 * index ({@code CONFLICT}), so a replayed batch can never rewrite history.
 */
@Component("sensorIntake")
public class SensorIntake {

    private final SensorReadings readings;
    private final CommandGateway gateway;

    public SensorIntake(SensorReadings readings, CommandGateway gateway) {
        this.readings = readings;
        this.gateway = gateway;
    }

    public SensorBatch read(SensorPost post) {
        SensorBatch batch = readings.read(post.body(), post.submittedBy());
        if (post.grantedRoles() == null || !(batch instanceof SensorBatch.Read read)) {
            return batch;
        }
        return new SensorBatch.Read(read.accepted().stream()
                .map(a -> new SensorBatch.Accepted(a.index(), a.command().withGrantedRoles(post.grantedRoles())))
                .toList(), read.rejected());
    }

    public SensorBatch read(String body, String submittedBy) {
        return readings.read(body, submittedBy);
    }

    /** Submits every accepted reading without waiting for its command; the 202 answer. */
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
