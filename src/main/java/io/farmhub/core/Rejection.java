package io.farmhub.core;

import java.util.Objects;

/**
 * A rule that a command broke, as a value: its code, the field it concerns (a payload field name or a
 * JSON path) and a sentence a farmer can act on.
 */
public record Rejection(ErrorCode code, String field, String message) {

    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static Rejection of(ErrorCode code, String field, String message) {
        return new Rejection(code, field, message);
    }
}
