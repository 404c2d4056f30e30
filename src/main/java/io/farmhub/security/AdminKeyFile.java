package io.farmhub.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The first-start admin key of a hub with no user configured: {@code ${farmhub.data-dir}/admin-api-key}
 * (mode 0600) holds the key, {@code admin-api-key.sha256} beside it its hash. The hash is what later starts
 * read, so an operator may delete the key file once the key is safe elsewhere.
 */
final class AdminKeyFile {

    static final String KEY_FILE = "admin-api-key";
    static final String HASH_FILE = "admin-api-key.sha256";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path keyFile;
    private final Path hashFile;

    AdminKeyFile(Path dataDir) {
        this.keyFile = dataDir.resolve(KEY_FILE);
        this.hashFile = dataDir.resolve(HASH_FILE);
    }

    Path keyFile() {
        return keyFile;
    }

    /** What happened on this start, for the log line (which names the path, never the key). */
    enum Origin { CREATED, REUSED }

    record Loaded(String sha256Hex, Origin origin) {
    }

    /** The admin key's hash: from an earlier start if there was one, else from a key created now. */
    Loaded load() {
        try {
            if (Files.exists(hashFile)) {
                return new Loaded(Files.readString(hashFile, StandardCharsets.US_ASCII).trim(), Origin.REUSED);
            }
            if (Files.exists(keyFile)) {
                // A crash between writing the key and its hash: the key is there, derive the hash again.
                String hash = ApiKey.sha256Hex(Files.readString(keyFile, StandardCharsets.US_ASCII).trim());
                writeOwnerOnly(hashFile, hash);
                return new Loaded(hash, Origin.REUSED);
            }
            String key = ApiKey.generate();
            // The key first: if the start dies before the hash is written, the next start derives it.
            writeOwnerOnly(keyFile, key + "\n");
            String hash = ApiKey.sha256Hex(key);
            writeOwnerOnly(hashFile, hash + "\n");
            return new Loaded(hash, Origin.CREATED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the admin key in " + keyFile.getParent(), e);
        }
    }

    /** Creates the file with mode 0600 from the start, so the key is never readable by others, not even briefly. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        try {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(temp);
        } catch (FileAlreadyExistsException raced) {
            throw new IOException("another process is creating " + file, raced);
        }
        Files.writeString(temp, content, StandardCharsets.US_ASCII);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
