package io.farmhub.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of a dropped document, opened as often as the reader needs: once to check the encoding and take
 * the SHA-256, once to check the structure, once to turn it into commands. Opening it again instead of
 * keeping what was parsed is what keeps memory flat for a 10,000-row form. The content must not change while
 * it is read (the inbox route claims a document before reading it).
 */
public interface DocumentContent {

    /** The size in bytes, known before anything is read, so an over-size document is refused unread. */
    long size();

    InputStream open() throws IOException;

    static DocumentContent of(byte[] bytes) {
        return new DocumentContent() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }

    /** A file on disk, read three times rather than held in memory. */
    static DocumentContent of(Path file) throws IOException {
        long size = Files.size(file);
        return new DocumentContent() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }
        };
    }
}
