package io.farmhub.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@link DocumentStore} over a folder (embedded runtime). A document is written to a hidden temporary file
 * beside its target and then moved into place, so nobody ever opens half a document. One hub writes a folder;
 * {@link #create} relies on that (the check for an existing file and the move are two steps).
 */
public final class FolderStore implements DocumentStore {

    private final Path root;

    public FolderStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public String describe() {
        return "folder " + root;
    }

    @Override
    public boolean exists(String key) {
        try {
            return Files.exists(file(key));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public boolean create(String key, DocumentContent content) throws IOException {
        Path target = file(key);
        if (Files.exists(target)) {
            return false;
        }
        Path partial = partial(target, content);
        try {
            Files.move(partial, target);
            return true;
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(partial);
            return false;
        }
    }

    @Override
    public void put(String key, DocumentContent content) throws IOException {
        Path target = file(key);
        Path partial = partial(target, content);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public Optional<byte[]> read(String key) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(file(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private Path partial(Path target, DocumentContent content) throws IOException {
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling("." + UUID.randomUUID() + ".partial");
        try (InputStream in = content.open()) {
            Files.copy(in, partial);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        return partial;
    }

    /** Keys come from {@link InboxPath}, which never lets one escape; this refuses one that would anyway. */
    private Path file(String key) throws IOException {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IOException("the key '" + key + "' does not name a file inside " + root);
        }
        return file;
    }
}
