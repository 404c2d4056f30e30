package io.farmhub.queries;

import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an asynchronous query run delivers its answer (interfaces.md, {@code POST /api/queries/{query}}): a
 * {@code webhook} (an HTTP POST of the answer JSON to {@code target}, retried with back-off) or a {@code report}
 * (written to the reports location as {@code <target or the query's name>/<yyyy-mm-dd>.json}).
 *
 * @param target the webhook's http(s) URL; for a report, its name (a lower-case slug) or null for the query's name
 */
public record ReturnPath(String type, String target) {

    public static final String WEBHOOK = "webhook";
    public static final String REPORT = "report";

    private static final Pattern REPORT_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public boolean webhook() {
        return WEBHOOK.equals(type);
    }

    /** The report's folder (or blob prefix): its target, or the query's name. */
    public String reportName(String query) {
        return target == null ? query : target;
    }

    /** Reads a return path as a client wrote it; a rejection names the field at fault. */
    public static Checked check(String type, String target) {
        String kind = type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
        String where = target == null || target.isBlank() ? null : target.trim();
        if (WEBHOOK.equals(kind)) {
            return where != null && isHttpUrl(where) ? new Checked(new ReturnPath(WEBHOOK, where), null)
                    : problem("returnPath.target", "A webhook's target is the absolute http or https URL the answer"
                            + " is posted to, e.g. https://example.org/farm/answers.");
        }
        if (REPORT.equals(kind)) {
            return where == null || REPORT_NAME.matcher(where).matches()
                    ? new Checked(new ReturnPath(REPORT, where), null)
                    : problem("returnPath.target", "A report's target is its name, a lower-case slug such as"
                            + " monthly-herd (or leave it out to name the report after the query).");
        }
        return problem("returnPath.type", "returnPath.type is 'webhook' or 'report', not '" + type + "'.");
    }

    /** A return path read from a request: the path, or why it cannot be one. */
    public record Checked(ReturnPath path, Rejection rejection) {
        public Optional<Rejection> problem() {
            return Optional.ofNullable(rejection);
        }
    }

    private static Checked problem(String field, String message) {
        return new Checked(null, Rejection.of(ErrorCode.MALFORMED, field, message));
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = URI.create(text);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
