package io.farmhub.intake;

import java.io.IOException;

/**
 * A document in the inbox that this hub has taken for processing, so no other hub processes it at the same time.
 * The original stays where it was dropped until {@link #remove()}, the last step, after its copy in the archive or
 * in command-errors is safe; a claim closed without removing gives the document back to the inbox.
 */
public interface InboxClaim extends AutoCloseable {

    /** The path below the inbox as dropped, {@code <user>/<name>}. */
    String document();

    /** The bytes as dropped; they cannot change while the claim is held. */
    DocumentContent content();

    /** Deletes the original from the inbox. */
    void remove() throws IOException;

    /** Ends the claim; if the original was not removed it is left for the next poll, here or on another hub. */
    @Override
    void close();
}
