package io.farmhub.intake;

import io.farmhub.core.ErrorCode;
import java.time.LocalDate;
import java.util.Set;

/**
 * Where a document was dropped, relative to the inbox: {@code <user>/<name>}. The folder names the submitter.
 *
 * <p>Rules, strictest first, so that a path can never be attributed to someone it does not belong to:
 * <ul>
 *   <li>{@code \} counts as a separator, so a Windows-style path is judged like a slash path;</li>
 *   <li>a {@code .} or {@code ..} segment, or an empty one (leading, doubled or trailing slash), makes the
 *       path unattributable: {@code UNKNOWN_SUBMITTER} ({@code mary/../bob/x.csv} must not become bob's);</li>
 *   <li>a document directly in the inbox (no user folder) or in the folder of a user who is not configured
 *       (names match exactly, case-sensitive): {@code UNKNOWN_SUBMITTER};</li>
 *   <li>a document in a sub-folder of a user folder: {@code UNSUPPORTED_DOCUMENT} (documents go directly in the
 *       user folder);</li>
 *   <li>a name holding a control character: {@code UNSUPPORTED_DOCUMENT}.</li>
 * </ul>
 * Spaces, non-ASCII letters and {@code ..} inside a name ({@code moves..csv}) are ordinary names, kept as
 * dropped.
 */
public record InboxPath(String user, String name) {

    /** The folder (embedded, below the data folder) that holds archived documents; container {@code inbox-archive} on Azure. */
    public static final String ARCHIVE_ROOT = "archive";
    /** The folder (embedded) or container (Azure) of command errors; rejected documents go below {@code documents/}. */
    public static final String ERRORS_ROOT = "command-errors";

    /** {@code <user>/<name>}, as command sources and result files name the document. */
    public String document() {
        return user + "/" + name;
    }

    /** {@code <user>/<yyyy-mm-dd>/<name>}, below {@link #ARCHIVE_ROOT}; the route decides which day (the day it processed the document). */
    public String archiveKey(LocalDate day) {
        return user + "/" + day + "/" + name;
    }

    /** {@code <user>/<yyyy-mm-dd>/<name>.result.json}, beside the archived document. */
    public String resultKey(LocalDate day) {
        return archiveKey(day) + ".result.json";
    }

    static InboxPath parse(String relativePath, Set<String> knownUsers) {
        String[] segments = relativePath.replace('\\', '/').split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw IntakeProblem.of(ErrorCode.UNKNOWN_SUBMITTER, "The path '" + Text.shorten(relativePath)
                        + "' cannot be attributed to a user: it contains an empty, '.' or '..' folder. Drop the"
                        + " document directly into inbox/<your user name>/.");
            }
        }
        if (segments.length < 2) {
            throw IntakeProblem.of(ErrorCode.UNKNOWN_SUBMITTER, "'" + Text.shorten(relativePath)
                    + "' is not in a user folder. Drop documents into inbox/<your user name>/.");
        }
        String user = segments[0];
        if (!knownUsers.contains(user)) {
            throw IntakeProblem.of(ErrorCode.UNKNOWN_SUBMITTER, "'" + Text.shorten(user)
                    + "' is not a FarmHub user, so nobody can be named as the submitter of this document.");
        }
        if (segments.length > 2) {
            throw IntakeProblem.of(ErrorCode.UNSUPPORTED_DOCUMENT, "Documents go directly into inbox/" + user
                    + "/, not into a sub-folder ('" + Text.shorten(relativePath) + "').");
        }
        String name = segments[1];
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw IntakeProblem.of(ErrorCode.UNSUPPORTED_DOCUMENT,
                    "The file name holds a control character; rename the file and drop it again.");
        }
        return new InboxPath(user, name);
    }

    /**
     * {@code documents/<user>/<name>} below {@link #ERRORS_ROOT} for a rejected document, computed from the path
     * as dropped, so it works for paths that could not be attributed too ({@code documents/<name>} for a document
     * outside any user folder). Segments that would escape or collapse the folder ({@code .}, {@code ..}, empty)
     * are written percent-encoded or left out, and control characters percent-encoded, so the copy always lands
     * inside {@code documents/}.
     */
    public static String errorKey(String relativePath) {
        StringBuilder key = new StringBuilder("documents");
        for (String segment : relativePath.replace('\\', '/').split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            key.append('/').append(switch (segment) {
                case "." -> "%2E";
                case ".." -> "%2E%2E";
                default -> Text.encodeControls(segment);
            });
        }
        return key.length() == "documents".length() ? "documents/unnamed" : key.toString();
    }

    /** {@link #errorKey(String)} plus {@code .error.json}: where the rejection's code and message go. */
    public static String errorFileKey(String relativePath) {
        return errorKey(relativePath) + ".error.json";
    }
}
