package io.farmhub.intake;

import java.io.IOException;

/**
 * Finds a free key for a document whose name is already taken in a store (the same name dropped twice on one
 * day, or rejected twice): {@code moves.csv}, then {@code moves-2.csv}, {@code moves-3.csv}, … The number goes
 * before the extension so the copy still opens with the same program. Claiming the key and writing the document
 * are one step ({@link DocumentStore#create}), so two writers can never end up on the same key.
 */
final class FreeKeys {

    /** Far beyond any real use; a loop that got here is a fault in the store, not a busy inbox. */
    private static final int MAX_TRIES = 10_000;

    private FreeKeys() {
    }

    /** Writes the content under {@code key} or the first free variant of it, and returns the key used. */
    static String create(DocumentStore store, String key, DocumentContent content) throws IOException {
        for (int n = 1; n <= MAX_TRIES; n++) {
            String candidate = variant(key, n);
            if (store.create(candidate, content)) {
                return candidate;
            }
        }
        throw new IOException("no free name for " + key + " in " + store.describe() + " after " + MAX_TRIES
                + " tries");
    }

    /** {@code a/b/moves.csv} with n = 3 → {@code a/b/moves-3.csv}; n = 1 is the key itself. */
    static String variant(String key, int n) {
        if (n == 1) {
            return key;
        }
        int slash = key.lastIndexOf('/');
        int dot = key.lastIndexOf('.');
        // A leading dot (".profile") or no dot at all: the number goes at the end.
        if (dot <= slash + 1) {
            return key + "-" + n;
        }
        return key.substring(0, dot) + "-" + n + key.substring(dot);
    }
}
