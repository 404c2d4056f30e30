package io.farmhub.intake;

import io.farmhub.core.ErrorCode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A document's bytes as text. Every document must be UTF-8 (a UTF-8 byte order mark is skipped); anything else
 * is {@code UNSUPPORTED_DOCUMENT}: a UTF-16 or UTF-32 byte order mark, bytes that are not UTF-8, and control
 * characters other than tab, CR and LF (NUL bytes are what binary files and UTF-16 without a byte order mark
 * look like). The check runs over the whole document before any parsing, so bad encoding is reported as such
 * even when the parser would have stumbled first.
 */
final class DocumentText {

    private static final int CHUNK = 8192;

    /** What the first pass learned: the SHA-256 (hex) of the bytes as dropped and whether there is any text at all. */
    record Scan(String sha256, long bytes, boolean blank) {
    }

    private DocumentText() {
    }

    static Scan scan(DocumentContent content, long maxBytes) throws IOException {
        MessageDigest sha256 = sha256();
        try (InputStream in = new BufferedInputStream(new DigestInputStream(content.open(), sha256))) {
            int bom = byteOrderMark(in);
            in.skip(bom);
            CharsetDecoder decoder = strictUtf8();
            ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
            CharBuffer chars = CharBuffer.allocate(CHUNK);
            long total = bom;
            long decoded = bom;
            Position position = new Position();
            boolean eof = false;
            while (!eof) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                eof = n < 0;
                if (!eof) {
                    bytes.position(bytes.position() + n);
                    total += n;
                    if (total > maxBytes) {
                        throw tooLarge(maxBytes);
                    }
                }
                bytes.flip();
                CoderResult result;
                do {
                    result = decoder.decode(bytes, chars, eof);
                    if (result.isError()) {
                        throw notUtf8(decoded + bytes.position(), position.line);
                    }
                    position.inspect(chars);
                } while (result.isOverflow());
                decoded += bytes.position();
                bytes.compact();
            }
            decoder.flush(chars);
            position.inspect(chars);
            return new Scan(HexFormat.of().formatHex(sha256.digest()), total, position.blank);
        }
    }

    /** The document as characters, the byte order mark skipped; call {@link #scan} first. */
    static Reader reader(DocumentContent content) throws IOException {
        InputStream in = new BufferedInputStream(content.open());
        try {
            in.skip(byteOrderMark(in));
            return new InputStreamReader(in, strictUtf8());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    static IntakeProblem tooLarge(long maxBytes) {
        return IntakeProblem.of(ErrorCode.TOO_LARGE, "The document is larger than the inbox accepts ("
                + Text.count(maxBytes) + " bytes); split it into smaller documents.");
    }

    /** Length of a UTF-8 byte order mark at the start (0 or 3); any other byte order mark is refused. */
    private static int byteOrderMark(InputStream in) throws IOException {
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        int b0 = head.length > 0 ? head[0] & 0xff : -1;
        int b1 = head.length > 1 ? head[1] & 0xff : -1;
        int b2 = head.length > 2 ? head[2] & 0xff : -1;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            return 3;
        }
        boolean utf16 = (b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE);
        boolean utf32 = head.length == 4 && b0 == 0 && b1 == 0 && b2 == 0xFE && (head[3] & 0xff) == 0xFF;
        if (utf16 || utf32) {
            throw IntakeProblem.of(ErrorCode.UNSUPPORTED_DOCUMENT, "The document is saved as "
                    + (utf32 ? "UTF-32" : "UTF-16") + " (it starts with that byte order mark); save it as UTF-8"
                    + " (in Excel: 'CSV UTF-8') and drop it again.");
        }
        return 0;
    }

    private static IntakeProblem notUtf8(long byteOffset, long line) {
        return IntakeProblem.of(ErrorCode.UNSUPPORTED_DOCUMENT, "The document is not UTF-8 text: byte "
                + Text.count(byteOffset) + " (line " + Text.count(line) + ") is not valid UTF-8. Save it as UTF-8"
                + " (in Excel: 'CSV UTF-8') and drop it again.");
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Walks the decoded characters: counts lines, notices text, refuses control characters. */
    private static final class Position {
        long line = 1;
        boolean blank = true;

        void inspect(CharBuffer chars) {
            chars.flip();
            while (chars.hasRemaining()) {
                char c = chars.get();
                if (c == '\n') {
                    line++;
                } else if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7f) {
                    throw IntakeProblem.of(ErrorCode.UNSUPPORTED_DOCUMENT, "The document holds binary data, not"
                            + " text: a control character (code " + (int) c + ") at line " + Text.count(line)
                            + ". Only UTF-8 text documents (.csv, .json) are accepted.");
                } else if (blank && !Character.isWhitespace(c)) {
                    blank = false;
                }
            }
            chars.clear();
        }
    }
}
