package io.farmhub.intake;

import io.farmhub.core.CommandRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * A document that was read and found sound: its commands are ready to be submitted, each to be judged on its
 * own by the pipeline. The commands are produced from the document again each time they are asked for
 * ({@link #commands()}), never kept.
 */
public final class InboxDocument {

    /** Opens the document again and yields its commands. */
    interface Commands {
        CommandIterator open() throws IOException;
    }

    private final InboxPath path;
    private final String sha256;
    private final String form;
    private final int commandCount;
    private final Commands commands;

    InboxDocument(InboxPath path, String sha256, String form, int commandCount, Commands commands) {
        this.path = path;
        this.sha256 = sha256;
        this.form = form;
        this.commandCount = commandCount;
        this.commands = commands;
    }

    public InboxPath path() {
        return path;
    }

    /** The user whose folder the document was dropped in; the commands run as this user. */
    public String submittedBy() {
        return path.user();
    }

    /** Hex SHA-256 of the bytes as dropped (byte order mark included): the stem of every derived command id. */
    public String sha256() {
        return sha256;
    }

    /** What kind of document it is, for logs and results: {@code JSON command}, {@code JSON batch}, {@code movement form}, … */
    public String form() {
        return form;
    }

    public int commandCount() {
        return commandCount;
    }

    /** The commands in document order; close the iterator when done. */
    public CommandIterator commands() {
        try {
            return commands.open();
        } catch (IOException e) {
            throw new UncheckedIOException("the document " + path.document() + " could not be read again", e);
        }
    }

    public void forEachCommand(Consumer<? super CommandRequest> action) {
        try (CommandIterator iterator = commands()) {
            iterator.forEachRemaining(action);
        }
    }

    /** {@code <sha-256>:<n>}: the id of the n-th command (from 1) when the document gives none. */
    static String commandId(String sha256, int position) {
        return sha256 + ":" + position;
    }
}
