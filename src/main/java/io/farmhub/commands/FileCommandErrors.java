package io.farmhub.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.farmhub.DataDirectory;
import io.farmhub.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The embedded command-errors record: one JSON file per error,
 * {@code ${farmhub.data-dir}/command-errors/commands/<yyyy-mm-dd>/<command key>.json} (the key as in the command's
 * stream name; a second, different error of one command goes to {@code <key>-2.json}, and so on). Recording the
 * same error again finds its file and writes nothing. Files are written to a temporary name and moved into place,
 * so a reader never sees half an error.
 */
@Component
@Profile("!azure")
public class FileCommandErrors implements CommandErrors {

    private static final Logger log = LoggerFactory.getLogger(FileCommandErrors.class);
    private static final ObjectMapper JSON = Json.MAPPER;

    private final Path root;

    @Autowired
    public FileCommandErrors(DataDirectory data) {
        this(data.folder("command-errors").resolve("commands"));
    }

    FileCommandErrors(Path root) {
        this.root = root;
    }

    @Override
    public synchronized void record(CommandError error) {
        Instant at = error.at() == null ? Instant.now() : error.at();
        Path day = root.resolve(at.atZone(ZoneOffset.UTC).toLocalDate().toString());
        String name = error.commandId() == null
                ? at.toEpochMilli() + "-" + UUID.randomUUID()
                : CommandKeys.key(error.commandId());
        try {
            Files.createDirectories(day);
            byte[] json = JSON.writeValueAsBytes(error);
            for (int n = 1; ; n++) {
                Path file = day.resolve(n == 1 ? name + ".json" : name + "-" + n + ".json");
                if (!Files.exists(file)) {
                    Path partial = day.resolve("." + file.getFileName() + ".partial");
                    Files.write(partial, json);
                    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
                    return;
                }
                if (same(file, error)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the error of command " + error.commandId() + " in " + day, e);
        }
    }

    private static boolean same(Path file, CommandError error) throws IOException {
        CommandError stored = JSON.readValue(file.toFile(), CommandError.class);
        return stored.equals(error) || (Objects.equals(stored.code(), error.code())
                && Objects.equals(stored.field(), error.field())
                && Objects.equals(stored.commandId(), error.commandId()));
    }

    @Override
    public List<CommandError> recent(int limit) {
        if (!Files.isDirectory(root) || limit <= 0) {
            return List.of();
        }
        List<CommandError> recent = new ArrayList<>();
        try (Stream<Path> days = Files.list(root)) {
            for (Path day : days.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                List<CommandError> ofDay = new ArrayList<>();
                try (Stream<Path> files = Files.list(day)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                        read(file, ofDay);
                    }
                }
                ofDay.sort(Comparator.comparing(CommandError::at, Comparator.nullsLast(Comparator.reverseOrder())));
                recent.addAll(ofDay.subList(0, Math.min(ofDay.size(), limit - recent.size())));
                if (recent.size() >= limit) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the command errors in " + root, e);
        }
        return recent;
    }

    private static void read(Path file, List<CommandError> into) {
        try {
            into.add(JSON.readValue(file.toFile(), CommandError.class));
        } catch (IOException e) {
            // One unreadable file (edited by hand, say) must not hide every other error.
            log.warn("skipping unreadable command error {}: {}", file, e.getMessage());
        }
    }
}
