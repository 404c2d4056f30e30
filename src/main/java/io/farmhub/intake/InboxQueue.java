package io.farmhub.intake;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The documents waiting in one folder of the inbox ({@code <user>/}, or the inbox itself for documents outside any
 * user folder), in name order, as one poll found them. One worker takes them one after another, so a user's
 * {@code 01-setup.json} is done before {@code 02-purchase-receipt.csv} starts; other users' folders go on beside it.
 * A fault halts the folder for this poll: what comes after the faulted document waits for the next poll, behind it.
 */
public final class InboxQueue {

    private final String folder;
    private final List<String> documents;
    private volatile boolean halted;

    InboxQueue(String folder, List<String> documents) {
        this.folder = folder;
        this.documents = List.copyOf(documents);
    }

    /** The user folder's name, or "" for documents directly in the inbox. */
    public String folder() {
        return folder;
    }

    /** The paths below the inbox ({@code <user>/<name>}) in name order; stops early once {@link #halt()}ed. */
    public Iterator<String> documents() {
        Iterator<String> all = documents.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !halted && all.hasNext();
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return all.next();
            }
        };
    }

    public int size() {
        return documents.size();
    }

    void halt() {
        halted = true;
    }

    @Override
    public String toString() {
        return "inbox folder '" + folder + "' (" + documents.size() + " documents)";
    }
}
