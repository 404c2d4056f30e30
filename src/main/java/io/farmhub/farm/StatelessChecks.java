package io.farmhub.farm;

import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Collects the rejections of a command's stateless checks (domain.md: MALFORMED with the field name,
 * OUT_OF_RANGE, DATE_IN_FUTURE), so a farmer sees every broken rule of a document row at once rather than
 * one per attempt. Each check returns whether it passed, so a range check can be skipped for a missing value.
 */
public final class StatelessChecks {

    private final List<Rejection> rejections = new ArrayList<>();

    /** A key that is still not in normal form after normalisation is MALFORMED, never a new stream. */
    public boolean key(String field, String normalised, Predicate<String> normalForm, String what) {
        if (normalised == null || normalised.isEmpty()) {
            return fail(ErrorCode.MALFORMED, field, "Give the " + what + ".");
        }
        if (!normalForm.test(normalised)) {
            return fail(ErrorCode.MALFORMED, field, "'" + normalised + "' is not a valid " + what + ".");
        }
        return true;
    }

    public boolean text(String field, String value, String what) {
        if (value == null || value.isBlank()) {
            return fail(ErrorCode.MALFORMED, field, "Give the " + what + ".");
        }
        return true;
    }

    public boolean present(String field, Object value, String what) {
        if (value == null) {
            return fail(ErrorCode.MALFORMED, field, "Give the " + what + ".");
        }
        return true;
    }

    /** A required business date that may not lie after {@code today} (the farm's local date). */
    public boolean pastDate(String field, LocalDate date, LocalDate today, String what) {
        if (!present(field, date, what)) {
            return false;
        }
        if (date.isAfter(today)) {
            return fail(ErrorCode.DATE_IN_FUTURE, field,
                    "The " + what + " " + date + " is in the future; today is " + today + ".");
        }
        return true;
    }

    /**
     * A required sensor instant whose UTC date may not lie after {@code today}. FarmHub's farms keep a local
     * time at or ahead of UTC (Europe/Dublin), so a true reading never has a UTC date after the local date.
     */
    public boolean pastInstant(String field, Instant at, LocalDate today, String what) {
        if (!present(field, at, what)) {
            return false;
        }
        if (at.atOffset(ZoneOffset.UTC).toLocalDate().isAfter(today)) {
            return fail(ErrorCode.DATE_IN_FUTURE, field,
                    "The " + what + " " + at + " is in the future; today is " + today + ".");
        }
        return true;
    }

    public boolean check(boolean ok, ErrorCode code, String field, Supplier<String> message) {
        return ok || fail(code, field, message.get());
    }

    public List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    private boolean fail(ErrorCode code, String field, String message) {
        rejections.add(Rejection.of(code, field, message));
        return false;
    }

    /** Trims free text, keeping null as null so a missing value is still reported as missing. */
    public static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
