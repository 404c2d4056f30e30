package io.farmhub.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.farmhub.core.CommandHandler;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.Json;
import io.farmhub.core.Rejection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a payload into its handler's command record. A payload that cannot be read is {@code MALFORMED}, with
 * the JSON path of the first problem ({@code results[2].earTag}) and a sentence without Java class names.
 */
final class CommandPayloads {

    /** The shared mapper, made strict where a lenient reading would invent data: no null for a number. */
    private static final ObjectMapper READER = Json.MAPPER.copy()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);

    /** A command read from its payload, or why it could not be. */
    record Parsed<C>(C command, Rejection problem) {
    }

    /** The last payload read on a thread, with what it read as (see {@link #read}). */
    private record LastRead(CommandHandler<?> handler, JsonNode payload, Parsed<?> parsed) {
    }

    private static final ThreadLocal<LastRead> LAST = new ThreadLocal<>();

    private CommandPayloads() {
    }

    /**
     * The payload as its handler's command. The validate step and the handler's first decision read the same
     * payload one after the other on one thread: the second time it is the same object (a payload is never
     * changed once submitted) and the record read from it is immutable, so the first reading is used again.
     */
    @SuppressWarnings("unchecked")
    static <C> Parsed<C> read(CommandHandler<C> handler, JsonNode payload) {
        LastRead last = LAST.get();
        if (last != null && last.handler() == handler && last.payload() == payload) {
            return (Parsed<C>) last.parsed();
        }
        Parsed<C> parsed = parse(handler, payload);
        LAST.set(new LastRead(handler, payload, parsed));
        return parsed;
    }

    private static <C> Parsed<C> parse(CommandHandler<C> handler, JsonNode payload) {
        if (payload == null || payload.isNull() || payload.isMissingNode()) {
            return problem("payload", "The command has no payload.");
        }
        if (!payload.isObject()) {
            return problem("payload", "The payload must be a JSON object.");
        }
        try {
            C command = READER.treeToValue(payload, handler.commandClass());
            return new Parsed<>(command, null);
        } catch (JsonMappingException e) {
            return problem(path(e), sentence(e));
        } catch (JsonProcessingException e) {
            return problem("payload", "The payload cannot be read: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return problem("payload", "The payload cannot be read: " + e.getMessage());
        }
    }

    private static <C> Parsed<C> problem(String field, String message) {
        return new Parsed<>(null, Rejection.of(ErrorCode.MALFORMED, field, message));
    }

    /** {@code results[2].earTag}: field names joined by dots, array indexes in brackets. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "payload" : path.toString();
    }

    private static String sentence(JsonMappingException e) {
        String where = path(e);
        if (e instanceof InvalidFormatException invalid) {
            return where + ": '" + invalid.getValue() + "' is not " + expected(invalid.getTargetType()) + ".";
        }
        if (e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return where + " is not valid" + (cause.getMessage() == null ? "." : ": " + cause.getMessage() + ".");
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return where + " must be " + expected(mismatched.getTargetType()) + ".";
        }
        return where + " cannot be read.";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == LocalDate.class) {
            return "a date (yyyy-mm-dd)";
        }
        if (type == Instant.class || type == OffsetDateTime.class || Temporal.class.isAssignableFrom(type)) {
            return "a date and time (ISO-8601, e.g. 2026-11-26T06:12:00Z)";
        }
        if (type.isEnum()) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
            return "one of " + String.join(", ", names);
        }
        if (Number.class.isAssignableFrom(type) || type == BigDecimal.class
                || (type.isPrimitive() && type != boolean.class && type != char.class)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }
}
