package io.farmhub.intake;

import io.farmhub.core.CommandRequest;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;

/** A {@link CommandIterator} over a source that hands out one command at a time, or null at the end. */
abstract class PullingIterator implements CommandIterator {

    private final Closeable source;
    private CommandRequest next;
    private boolean finished;

    PullingIterator(Closeable source) {
        this.source = source;
    }

    /** The next command, or null when there are no more. */
    abstract CommandRequest pull() throws IOException;

    @Override
    public boolean hasNext() {
        if (next == null && !finished) {
            try {
                next = pull();
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("the document could not be read again", e);
            }
            if (next == null) {
                finished = true;
                close();
            }
        }
        return next != null;
    }

    @Override
    public CommandRequest next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CommandRequest current = next;
        next = null;
        return current;
    }

    @Override
    public void close() {
        finished = true;
        try {
            source.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
