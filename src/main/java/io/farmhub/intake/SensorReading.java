package io.farmhub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.ErrorCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * One reading, {@code {"sensorId", "kind", "subject", "value", "unit", "at"}}, checked field by field. Its command
 * id is {@code sensor:<sensorId>:<at>} with {@code at} in its normal UTC form, so the same reading sent again,
 * however its time is written, is the same command and changes nothing. {@code at} must carry its offset
 * ({@code Z} or {@code +01:00}): a local time would be guessed, and a guessed time breaks idempotency. The sensor
 * id is limited to letters, digits and {@code . _ @ + -} because it becomes part of a stream name.
 */
public record SensorReading(String sensorId, String kind, String subject, BigDecimal value, String unit, Instant at) {

    private static final Pattern SENSOR_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,99}");
    private static final int MAX_SUBJECT = 100;

    public String commandId() {
        return "sensor:" + sensorId + ":" + at;
    }

    public CommandRequest toCommand(String submittedBy) {
        SensorKind mapping = SensorKind.of(kind)
                .orElseThrow(() -> new IllegalArgumentException("not a reading kind: " + kind));
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put(mapping.subjectField, subject);
        payload.put(mapping.atField, at.toString());
        payload.put(mapping.valueField, value);
        return new CommandRequest(mapping.commandType, commandId(), payload, submittedBy,
                CommandSource.sensor(sensorId));
    }

    /** Reads and checks one reading; a bad one is an {@link IntakeProblem} naming the field. */
    static SensorReading from(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IntakeProblem(ErrorCode.MALFORMED, null, "A reading is a JSON object {\"sensorId\", \"kind\","
                    + " \"subject\", \"value\", \"unit\", \"at\"}.");
        }
        String sensorId = text(node, "sensorId");
        if (!SENSOR_ID.matcher(sensorId).matches()) {
            throw problem("sensorId", "The sensorId '" + Text.shorten(sensorId) + "' may only hold letters,"
                    + " digits and . _ @ + - (at most 100).");
        }
        String kind = text(node, "kind");
        SensorKind mapping = SensorKind.of(kind).orElseThrow(() -> problem("kind", "The kind '"
                + Text.shorten(kind) + "' is not known; it is one of " + SensorKind.known() + "."));
        String subject = text(node, "subject");
        if (subject.length() > MAX_SUBJECT) {
            throw problem("subject", "The subject is longer than " + MAX_SUBJECT + " characters.");
        }
        JsonNode value = node.get("value");
        if (value == null || value.isNull()) {
            throw problem("value", "The value is missing.");
        }
        if (!value.isNumber()) {
            throw problem("value", "The value must be a number, not " + Text.shorten(value.toString()) + ".");
        }
        JsonLimits.checkNumbers(value, "value");
        String unit = text(node, "unit");
        if (!mapping.units.contains(unit)) {
            throw problem("unit", "The unit must be " + mapping.units.get(0) + " for a " + kind + " reading, not '"
                    + Text.shorten(unit) + "'.");
        }
        return new SensorReading(sensorId, kind, subject, value.decimalValue(), unit, instant(text(node, "at")));
    }

    private static Instant instant(String at) {
        try {
            return OffsetDateTime.parse(at, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw problem("at", "The time (at) '" + Text.shorten(at) + "' is not an ISO-8601 instant with its"
                    + " offset, such as 2026-11-26T06:12:00Z.");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw problem(field, "The " + field + " is missing.");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw problem(field, "The " + field + " must be a non-empty text.");
        }
        return value.asText();
    }

    private static IntakeProblem problem(String field, String message) {
        return new IntakeProblem(ErrorCode.MALFORMED, field, message);
    }
}
