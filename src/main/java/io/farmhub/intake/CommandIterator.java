package io.farmhub.intake;

import io.farmhub.core.CommandRequest;
import java.io.Closeable;
import java.util.Iterator;

/**
 * A document's commands, read from the document as they are asked for, so a large form is never held whole.
 * Close it when done (a Camel splitter closes a {@link Closeable} iterator itself). An I/O failure while
 * reading surfaces as {@link java.io.UncheckedIOException}: that is infrastructure, not a bad document, which
 * was already ruled out before the first command.
 */
public interface CommandIterator extends Iterator<CommandRequest>, Closeable {

    @Override
    void close();
}
