package io.farmhub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The embedded hub's inbox, archive and command-errors folders as a user sees them. A document is dropped the
 * careful way: written elsewhere on the same disk, then moved into the inbox in one step.
 */
final class InboxFolder {

    private final Path data;

    InboxFolder(Path data) {
        this.data = data;
    }

    Path inbox() {
        return data.resolve("inbox");
    }

    Path archive() {
        return data.resolve("archive");
    }

    Path errors() {
        return data.resolve("command-errors");
    }

    void drop(String relativePath, byte[] bytes) {
        try {
            Path staging = Files.createDirectories(data.resolve("staging")).resolve(UUID.randomUUID().toString());
            Files.write(staging, bytes);
            Path target = inbox().resolve(relativePath);
            Files.createDirectories(target.getParent());
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files still waiting in the inbox. */
    List<Path> waiting() {
        return files(inbox());
    }

    /** {@code archive/<user>/<day>/<name>} for a document dropped as {@code <user>/<name>}, whatever the day. */
    Optional<Path> archived(String user, String name) {
        return files(archive().resolve(user)).stream()
                .filter(p -> p.getFileName().toString().equals(name))
                .findFirst();
    }

    static JsonNode json(Path file) {
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files below a folder the hub is working in: one that goes while it is listed is simply not listed. */
    static List<Path> files(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collections.sort(files);
        return files;
    }
}
