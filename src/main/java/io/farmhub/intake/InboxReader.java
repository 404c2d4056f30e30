package io.farmhub.intake;

import io.farmhub.core.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns a document dropped at {@code inbox/<user>/<name>} into commands, or rejects it as a whole. Checks run in
 * this order, the first failing one deciding the code:
 * <ol>
 *   <li>the path names a known user ({@link InboxPath}): {@code UNKNOWN_SUBMITTER};</li>
 *   <li>the size is at most {@code farmhub.inbox.max-bytes} (default 5 MiB), judged before a byte is read:
 *       {@code TOO_LARGE};</li>
 *   <li>the name ends in {@code .json} or {@code .csv}, in any case: {@code UNSUPPORTED_DOCUMENT};</li>
 *   <li>the whole document is UTF-8 text ({@link DocumentText}): {@code UNSUPPORTED_DOCUMENT};</li>
 *   <li>it holds something other than white space: {@code MALFORMED};</li>
 *   <li>it parses as its type ({@link JsonDocument}, {@link CsvDocument}): {@code MALFORMED}, or
 *       {@code UNSUPPORTED_DOCUMENT} for an unknown CSV header set.</li>
 * </ol>
 * Only a failure to read the bytes at all is an exception; every verdict on the document is a value.
 */
@Component
public class InboxReader {

    public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;

    private final long maxBytes;

    public InboxReader(@Value("${farmhub.inbox.max-bytes:5242880}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Reads a document that can be opened more than once (a file, or bytes already in memory).
     *
     * @param relativePath the path below the inbox, {@code <user>/<name>}
     * @param knownUsers   the configured user names
     */
    public InboxOutcome read(String relativePath, DocumentContent content, Set<String> knownUsers) {
        String submittedBy = null;
        try {
            InboxPath path = InboxPath.parse(relativePath, knownUsers);
            submittedBy = path.user();
            if (content.size() > maxBytes) {
                throw DocumentText.tooLarge(maxBytes);
            }
            boolean json = type(path.name());
            DocumentText.Scan scan = DocumentText.scan(content, maxBytes);
            if (scan.blank()) {
                throw IntakeProblem.of(ErrorCode.MALFORMED, "The document is empty.");
            }
            InboxDocument document = json
                    ? JsonDocument.read(content, path, scan.sha256())
                    : CsvDocument.read(content, path, scan.sha256());
            return new InboxOutcome.Accepted(document);
        } catch (IntakeProblem problem) {
            return new InboxOutcome.Rejected(relativePath, submittedBy, problem.rejection());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the inbox document " + relativePath, e);
        }
    }

    /**
     * Reads a document from a stream of a known size (a blob download): an over-size document is refused without
     * reading it; otherwise at most {@code max-bytes} are buffered, and a stream longer than its stated size is
     * refused as too large too.
     */
    public InboxOutcome read(String relativePath, InputStream in, long size, Set<String> knownUsers) {
        try {
            if (size > maxBytes) {
                return read(relativePath, oversize(size), knownUsers);
            }
            byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            return read(relativePath, bytes.length > maxBytes ? oversize(bytes.length) : DocumentContent.of(bytes),
                    knownUsers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the inbox document " + relativePath, e);
        }
    }

    /** True for JSON, false for CSV; anything else is refused. */
    private static boolean type(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return true;
        }
        if (lower.endsWith(".csv")) {
            return false;
        }
        throw IntakeProblem.of(ErrorCode.UNSUPPORTED_DOCUMENT, "'" + Text.shorten(name) + "' is neither a JSON"
                + " command document (.json) nor a CSV form (.csv); those are the documents the inbox reads.");
    }

    /** Stands in for a document known to be too large, so the path is still judged first and nothing is read. */
    private static DocumentContent oversize(long size) {
        return new DocumentContent() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open() {
                throw new IllegalStateException("an over-size document is never opened");
            }
        };
    }
}
