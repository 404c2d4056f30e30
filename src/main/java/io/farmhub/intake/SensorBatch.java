package io.farmhub.intake;

import io.farmhub.core.CommandRequest;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;
import java.util.List;

/** What reading a body of sensor readings gave: the batch refused as a whole, or readings each accepted or rejected. */
public sealed interface SensorBatch {

    /** The body as a whole cannot be taken: not JSON at all, empty, or more than 10,000 readings (HTTP 400/413). */
    record Refused(Rejection rejection) implements SensorBatch {
    }

    /** Readings that became commands, and readings rejected on their own; indexes count from 0 in body order. */
    record Read(List<Accepted> accepted, List<Rejected> rejected) implements SensorBatch {

        public Read {
            accepted = List.copyOf(accepted);
            rejected = List.copyOf(rejected);
        }

        /** The 202 answer, once every accepted reading has been journaled (or, from Event Hubs, submitted). */
        public SensorBatchResult result() {
            return new SensorBatchResult(accepted.size(), rejected);
        }
    }

    /** An accepted reading, with the command it becomes ({@link SensorReading#toCommand}). */
    record Accepted(int index, SensorReading reading, CommandRequest command) {
    }

    /** One entry of the answer's {@code rejected} list: {@code {"index", "code", "message"}}. */
    record Rejected(int index, ErrorCode code, String message) {
    }
}
