package io.farmhub.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A document in the inbox folder. One hub owns a folder, so the claim is held in that hub's memory
 * ({@link InboxClaims}) and given back on {@link #close()}.
 */
final class FolderClaim implements InboxClaim {

    private final String document;
    private final Path file;
    private final DocumentContent content;
    private final Runnable release;

    FolderClaim(String document, Path file, Runnable release) throws IOException {
        this.document = document;
        this.file = file;
        this.content = DocumentContent.of(file);
        this.release = release;
    }

    @Override
    public String document() {
        return document;
    }

    @Override
    public DocumentContent content() {
        return content;
    }

    @Override
    public void remove() throws IOException {
        Files.deleteIfExists(file);
    }

    @Override
    public void close() {
        // An unremoved file is simply found again by the next poll.
        release.run();
    }
}
