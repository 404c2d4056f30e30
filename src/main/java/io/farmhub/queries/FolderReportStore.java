package io.farmhub.queries;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reports in a folder. A report is written beside its place and moved in, so a reader (a spreadsheet, a sync
 * tool) sees the old report or the new one, never half of one.
 */
public final class FolderReportStore implements ReportStore {

    private final Path root;

    public FolderReportStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String write(String key, byte[] content) throws IOException {
        Path target = root.resolve(key).normalize();
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException("the report key " + key + " leaves the reports folder");
        }
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
        try {
            Files.write(partial, content);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return target.toString();
    }

    @Override
    public String describe() {
        return "folder " + root;
    }
}
