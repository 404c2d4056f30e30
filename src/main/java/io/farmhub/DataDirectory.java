package io.farmhub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The embedded runtime's home ({@code farmhub.data-dir}, default {@code ./data}): created on start and
 * logged, so an operator always knows where the farm's data is.
 */
@Component
public class DataDirectory {

    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);

    private final Path root;

    public DataDirectory(@Value("${farmhub.data-dir:./data}") String dataDir) {
        this.root = Path.of(dataDir).toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + root, e);
        }
        log.info("FarmHub data folder: {}", root);
    }

    public Path root() {
        return root;
    }

    /** A folder below the data folder, created if missing. */
    public Path folder(String name) {
        Path folder = root.resolve(name);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
        return folder;
    }
}
