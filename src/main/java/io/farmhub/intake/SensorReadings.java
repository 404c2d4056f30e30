package io.farmhub.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads a body of sensor readings, for {@code POST /api/sensors/readings} and for Event Hubs alike. The body is
 * <ul>
 *   <li>a JSON array of readings (read one reading at a time), or</li>
 *   <li>exactly one JSON reading (an Event Hubs event holding a single reading), or</li>
 *   <li>NDJSON: one reading per line, blank lines ignored; a line that is not JSON rejects only that reading.</li>
 * </ul>
 * At most {@value #MAX_READINGS} readings: a longer batch is refused whole ({@code TOO_LARGE}) before any is
 * mapped, as is an empty body or a broken array ({@code MALFORMED}). Every other problem rejects one reading,
 * with its index (from 0, in body order), code and message, and the rest are accepted.
 */
@Component
public class SensorReadings {

    public static final int MAX_READINGS = 10_000;

    public SensorBatch read(String body, String submittedBy) {
        String text = body == null ? "" : body.strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).strip();
        }
        try {
            if (text.isEmpty()) {
                throw IntakeProblem.of(ErrorCode.MALFORMED, "The body holds no readings: send a JSON array of"
                        + " readings, or NDJSON with one reading per line.");
            }
            if (text.charAt(0) == '[') {
                return array(text, submittedBy);
            }
            JsonNode single = single(text);
            if (single != null) {
                Batch batch = new Batch(submittedBy);
                batch.add(single);
                return batch.read();
            }
            return ndjson(text, submittedBy);
        } catch (IntakeProblem problem) {
            return new SensorBatch.Refused(problem.rejection());
        } catch (JsonProcessingException e) {
            return new SensorBatch.Refused(Rejection.of(ErrorCode.MALFORMED, null, JsonLimits.describe(e)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a sensor body held in memory", e);
        }
    }

    private static SensorBatch array(String text, String submittedBy) throws IOException {
        Batch batch = new Batch(submittedBy);
        try (JsonParser parser = JsonLimits.FACTORY.createParser(text)) {
            parser.nextToken();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw IntakeProblem.of(ErrorCode.MALFORMED, "The array of readings is never closed.");
                }
                batch.count(batch.size() + 1);
                batch.add(JsonLimits.MAPPER.readTree(parser));
            }
            if (parser.nextToken() != null) {
                throw IntakeProblem.of(ErrorCode.MALFORMED, "There is more after the array of readings, at "
                        + JsonLimits.where(parser.currentLocation()) + ".");
            }
        }
        return batch.read();
    }

    /** The body's only JSON value, or null when it holds more (or is not JSON), which makes it NDJSON. */
    private static JsonNode single(String text) {
        try {
            return JsonLimits.readOne(text);
        } catch (IOException | IntakeProblem e) {
            return null;
        }
    }

    private static SensorBatch ndjson(String text, String submittedBy) {
        List<String> lines = text.lines().toList();
        Batch batch = new Batch(submittedBy);
        batch.count(lines.stream().filter(line -> !line.isBlank()).count());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                batch.add(JsonLimits.readOne(line));
            } catch (JsonProcessingException e) {
                batch.reject("Line " + (i + 1) + ": " + JsonLimits.describe(e));
            } catch (IntakeProblem problem) {
                batch.reject("Line " + (i + 1) + ": " + problem.rejection().message());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return batch.read();
    }

    /** Readings as they are read, each accepted or rejected at its index. */
    private static final class Batch {
        private final String submittedBy;
        private final List<SensorBatch.Accepted> accepted = new ArrayList<>();
        private final List<SensorBatch.Rejected> rejected = new ArrayList<>();

        Batch(String submittedBy) {
            this.submittedBy = submittedBy;
        }

        int size() {
            return accepted.size() + rejected.size();
        }

        void count(long readings) {
            if (readings > MAX_READINGS) {
                throw IntakeProblem.of(ErrorCode.TOO_LARGE, "A batch holds at most " + Text.count(MAX_READINGS)
                        + " readings; send this one in smaller batches.");
            }
        }

        void add(JsonNode node) {
            try {
                SensorReading reading = SensorReading.from(node);
                accepted.add(new SensorBatch.Accepted(size(), reading, reading.toCommand(submittedBy)));
            } catch (IntakeProblem problem) {
                rejected.add(new SensorBatch.Rejected(size(), problem.rejection().code(), problem.rejection().message()));
            }
        }

        void reject(String message) {
            rejected.add(new SensorBatch.Rejected(size(), ErrorCode.MALFORMED, message));
        }

        SensorBatch.Read read() {
            return new SensorBatch.Read(accepted, rejected);
        }
    }
}
