package io.farmhub.eventstore.sqlite;

import io.farmhub.core.EventEnvelope;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The UTC business date ({@code yyyy-mm-dd}) of an {@code occurredAt}, as {@link EventEnvelope#occurredOn()}
 * gives it, for the {@code occurred_on} column. Nearly every event carries a plain date or an instant in UTC
 * ({@code 2026-11-26T06:12:00Z}, or with a fraction, as {@code Instant.toString()} writes it): those two forms are
 * checked by hand, which costs far less than a formatter; every other form goes to the envelope's own parsing.
 */
final class BusinessDate {

    private BusinessDate() {
    }

    /** @throws DateTimeException when {@code occurredAt} is neither an ISO-8601 date nor an instant */
    static String of(String occurredAt) {
        if (isDate(occurredAt) || isUtcInstant(occurredAt)) {
            // LocalDate.of refuses a day the month does not have, as the formatter would.
            LocalDate.of(number(occurredAt, 0, 4), number(occurredAt, 5, 7), number(occurredAt, 8, 10));
            return occurredAt.substring(0, 10);
        }
        return EventEnvelope.businessDate(occurredAt).toString();
    }

    private static boolean isDate(String s) {
        return s.length() == 10 && datePart(s);
    }

    /** {@code yyyy-mm-ddThh:mm:ss[.f{1,9}]Z} with an hour, minute and second in range. */
    private static boolean isUtcInstant(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(n - 1) != 'Z' || !datePart(s) || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || !digits(s, 11, 13) || !digits(s, 14, 16)
                || !digits(s, 17, 19)) {
            return false;
        }
        if (n > 20 && (s.charAt(19) != '.' || n == 21 || !digits(s, 20, n - 1))) {
            return false;
        }
        return number(s, 11, 13) <= 23 && number(s, 14, 16) <= 59 && number(s, 17, 19) <= 59;
    }

    private static boolean datePart(String s) {
        return s.charAt(4) == '-' && s.charAt(7) == '-' && digits(s, 0, 4) && digits(s, 5, 7) && digits(s, 8, 10);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }
}
