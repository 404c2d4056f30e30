package io.farmhub.commands;

import io.farmhub.core.NameUuid;
import io.farmhub.core.StreamId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Names derived from a command id: its stream {@code command/<CommandType>/<key>} and the ids of the events it
 * appends.
 *
 * <p>A command id may hold any character (inbox ids are {@code <sha-256>:<n>}, sensor ids
 * {@code sensor:<id>:<at>}, clients send what they like), but a stream key may not hold '/' and is at most 200
 * characters. The key keeps {@code [A-Za-z0-9_:@-]} as it is and writes every other byte of the UTF-8 id as
 * {@code +XX} (upper-case hex), so {@code a/b.c} becomes {@code a+2Fb+2Ec}. An id whose key would be longer than
 * 200 characters, or that is empty, becomes {@code sha256.<hex of the id>}: it holds a '.', which an escaped key
 * never does, so the two forms cannot collide. The original id is always on the command's first entry.
 */
public final class CommandKeys {

    /** Command types that can name a stream's aggregate part as they are. */
    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");
    private static final int MAX_KEY = 200;
    /** Lower case: no command type (PascalCase) can name it. */
    private static final String BATCH = "batch";

    private CommandKeys() {
    }

    public static StreamId stream(String commandType, String commandId) {
        return StreamId.of("command", aggregate(commandType), key(commandId));
    }

    /** The record of a batch of commands ({@link CommandBatches}), named by its caller's stable key. */
    public static StreamId batchStream(String batchKey) {
        return StreamId.of("command", BATCH, key(batchKey));
    }

    /** Whether {@code stream} is a batch's record rather than one command's stream. */
    static boolean isBatch(StreamId stream) {
        return "command".equals(stream.domain()) && BATCH.equals(stream.aggregate());
    }

    /**
     * The aggregate part: the command type itself, or {@code invalid-type} for a type that cannot be a name part
     * (such a command is recorded anyway, and ends UNKNOWN_COMMAND).
     */
    static String aggregate(String commandType) {
        return commandType != null && TYPE.matcher(commandType).matches() ? commandType : "invalid-type";
    }

    /** {@code [A-Za-z0-9_:@-]}, tested directly: a pattern matched per character was the drain's hottest line. */
    private static boolean kept(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == ':'
                || c == '@' || c == '-';
    }

    static String key(String commandId) {
        StringBuilder key = new StringBuilder();
        for (byte b : commandId.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (b >= 0 && kept(c)) {
                key.append(c);
            } else {
                key.append('+').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        boolean startsWell = key.length() > 0 && Character.isLetterOrDigit(key.charAt(0));
        if (key.length() > MAX_KEY || !startsWell) {
            return "sha256." + sha256(commandId);
        }
        return key.toString();
    }

    /**
     * The id of the {@code index}-th event a command appends to {@code stream}: a name-based UUID, so appending
     * the same decision again (after a crash between the append and its log entry) is recognised by the store
     * as a duplicate instead of being written twice.
     */
    public static String eventId(String commandId, StreamId stream, int index) {
        return NameUuid.of(commandId + "\n" + stream + "\n" + index);
    }

    /**
     * The id of the {@code index}-th event a command appends to {@code stream} to give back what it took there:
     * derived like {@link #eventId}, in a name space of its own, so a re-driven command gives back only once.
     */
    public static String compensationEventId(String commandId, StreamId stream, int index) {
        return NameUuid.of("compensation\n" + commandId + "\n" + stream + "\n" + index);
    }

    /** The id of a command's first entry: submitting the same command twice cannot create it twice. */
    static String createdEventId(String commandId) {
        return NameUuid.of("created\n" + commandId);
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
