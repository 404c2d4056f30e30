package io.farmhub.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A document in the inbox folder. One hub owns a folder, and Camel's file consumer never hands the same file to
 * two exchanges at once, so holding the file needs no lock of its own.
 */
final class FolderClaim implements InboxClaim {

    private final String document;
    private final Path file;
    private final DocumentContent content;

    FolderClaim(String document, Path file) throws IOException {
        this.document = document;
        this.file = file;
        this.content = DocumentContent.of(file);
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
        // Nothing is held: an unremoved file is simply found again by the next poll.
    }
}
