package io.farmhub.intake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.farmhub.core.ErrorCode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * The guarded JSON reader for everything that arrives from outside (inbox documents, sensor bodies). Jackson's
 * defaults let a hostile document cost a lot (1,000-digit numbers, unbounded nesting, 20 MB strings), and a
 * number like {@code 1e999999999} is short to send but explodes when written out in full; these limits make
 * all of that a clean {@code MALFORMED}.
 */
final class JsonLimits {

    static final int MAX_DEPTH = 64;
    static final int MAX_NUMBER_LENGTH = 64;
    /** Also the longest CSV cell: no field of any command needs more. */
    static final int MAX_VALUE_CHARS = 65_536;
    /** Largest |scale| of a decimal: 1e999 would be a thousand digits once written out. */
    static final int MAX_SCALE = 100;

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_VALUE_CHARS)
                    .maxNameLength(1_000)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // A tree strips trailing zeros by default (25.0 became 25, 500.00 became 5E+2): keep a decimal as sent,
            // as Json.MAPPER does for what is stored. Idempotency compares numbers by value (PayloadHash).
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    private static final Pattern TECHNICAL = Pattern.compile(
            "(?i)(java\\.|javax\\.|com\\.fasterxml|jackson|exception|io\\.farmhub|\\bat [a-z]+\\.|\\$)");

    private JsonLimits() {
    }

    /** Reads exactly one JSON value from {@code text}; anything after it is an error. */
    static JsonNode readOne(String text) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                throw IntakeProblem.of(ErrorCode.MALFORMED, "There is no JSON value.");
            }
            JsonNode node = MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                throw new IntakeProblem(ErrorCode.MALFORMED, null, "There is more after the JSON value, at "
                        + where(parser.currentLocation()) + ".");
            }
            return node;
        }
    }

    /** Refuses decimals whose exponent would make them enormous once written out. */
    static void checkNumbers(JsonNode node, String path) {
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(node);
        while (!todo.isEmpty()) {
            JsonNode next = todo.pop();
            if (next.isBigDecimal() || next.isFloatingPointNumber()) {
                BigDecimal value = next.decimalValue();
                if (Math.abs((long) value.scale()) > MAX_SCALE) {
                    throw new IntakeProblem(ErrorCode.MALFORMED, path, "A number under " + path
                            + " has an exponent too large to be a real quantity (at most " + MAX_SCALE + ").");
                }
            }
            next.forEach(todo::push);
        }
    }

    /** One readable sentence for a parse failure: where it broke and why, without any of Jackson's internals. */
    static String describe(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String at = location == null || location.getLineNr() < 1 ? "" : " at " + where(location);
        String why;
        if (e instanceof StreamConstraintsException) {
            why = constraint(e.getOriginalMessage());
        } else {
            why = plain(e.getOriginalMessage());
        }
        return "The JSON cannot be read" + at + ": " + why + ".";
    }

    static String where(JsonLocation location) {
        return "line " + Text.count(location.getLineNr()) + ", column " + Text.count(location.getColumnNr());
    }

    private static String constraint(String message) {
        String m = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        if (m.contains("nesting depth")) {
            return "it is nested more than " + MAX_DEPTH + " levels deep";
        }
        if (m.contains("number value length")) {
            return "a number is longer than " + MAX_NUMBER_LENGTH + " characters";
        }
        if (m.contains("string value length")) {
            return "a text value is longer than " + Text.count(MAX_VALUE_CHARS) + " characters";
        }
        if (m.contains("name length")) {
            return "a field name is too long";
        }
        return "it is larger or deeper than FarmHub accepts";
    }

    private static String plain(String message) {
        if (message == null || message.isBlank()) {
            return "it is not valid JSON";
        }
        String first = message.lines().findFirst().orElse("");
        int marker = first.indexOf(" (start marker");
        if (marker > 0) {
            first = first.substring(0, marker);
        }
        first = first.replaceAll("`[^`]*`", "").replaceAll("\\s+", " ").trim();
        if (first.isEmpty() || TECHNICAL.matcher(first).find()) {
            return "it is not valid JSON";
        }
        String lower = Character.toLowerCase(first.charAt(0)) + first.substring(1);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        return lower.startsWith("unexpected end-of-input") ? lower + " (is the document cut short?)" : lower;
    }
}
