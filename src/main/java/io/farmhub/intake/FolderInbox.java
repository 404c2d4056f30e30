package io.farmhub.intake;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the documents waiting in the inbox folder (embedded runtime) by walking it with java.nio, not with Camel's
 * {@code file:} consumer: that consumer normalises a {@code \} in a file name into a folder separator, and on Linux
 * such a file was then sometimes never picked up. Here every name is taken as the file system holds it, and its
 * path below the inbox is the names of the folders on the way joined with {@code /} (a {@code \} stays a
 * character of its name; {@link InboxPath} judges it).
 *
 * <p>Left out, on purpose: names ending in {@code .partial} or {@code .tmp} (a document still being written under a
 * temporary name), files changed less than {@code settle} ago (a copy still in progress), and anything that is not
 * a regular file or a link to one (a FIFO would block the reader). Hidden files ({@code .name}) are documents.
 */
final class FolderInbox {

    private FolderInbox() {
    }

    static List<String> waiting(Path root, Duration settle) throws IOException {
        Files.createDirectories(root);
        long settledBefore = System.currentTimeMillis() - settle.toMillis();
        List<String> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                boolean regular = attributes.isRegularFile()
                        || attributes.isSymbolicLink() && Files.isRegularFile(file);
                if (regular && !temporary(file.getFileName().toString())
                        && Files.getLastModifiedTime(file).toMillis() <= settledBefore) {
                    found.add(document(root, file));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // Gone while the folder was walked (processed, renamed), or unreadable: the next poll looks again.
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    static boolean temporary(String name) {
        return name.endsWith(".partial") || name.endsWith(".tmp");
    }

    /** The file for a path {@link #waiting} gave: resolved name by name, so nothing in a name is reinterpreted. */
    static Path file(Path root, String document) {
        Path file = root;
        for (String name : document.split("/")) {
            file = file.resolve(name);
        }
        return file;
    }

    private static String document(Path root, Path file) {
        StringBuilder path = new StringBuilder();
        for (Path name : root.relativize(file)) {
            path.append(path.isEmpty() ? "" : "/").append(name);
        }
        return path.toString();
    }
}
