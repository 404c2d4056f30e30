package io.farmhub.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Azurite 3.37 sends telemetry out of the machine unless told not to; FarmHub talks only to the loopback. Every
 * place that starts Azurite must pass {@code --disableTelemetry}: the test launcher, and every command the README,
 * the docs, the scripts or the build show.
 */
class AzuriteTelemetryTest {

    /** A line that starts Azurite: its npm binaries, or its blob entry point run by node. */
    private static final Pattern STARTS_AZURITE =
            Pattern.compile("(npx\\b.*\\bazurite)|(\\bazurite(-blob)?\\s+--)|(node\\b.*azurite.*main\\.js)");

    @Test
    void the_test_launcher_disables_telemetry() {
        assertThat(Azurite.command(Path.of("main.js"), 10000, Path.of("/tmp/a"))).contains("--disableTelemetry");
    }

    @Test
    void the_running_azurite_was_started_without_telemetry() {
        assertThat(Azurite.get().commandLine()).contains("--disableTelemetry");
    }

    @Test
    void every_documented_or_scripted_start_disables_telemetry() throws IOException {
        List<String> offenders = new ArrayList<>();
        List<Path> starts = new ArrayList<>();
        for (Path file : textFiles()) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (STARTS_AZURITE.matcher(line).find()) {
                    starts.add(file);
                    if (!line.contains("--disableTelemetry")) {
                        offenders.add(file + ":" + (i + 1) + ": " + line.strip());
                    }
                }
            }
        }
        assertThat(starts).as("the README shows how to start Azurite").contains(Path.of("README.md"));
        assertThat(offenders).as("Azurite started without --disableTelemetry").isEmpty();
    }

    private static List<Path> textFiles() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md"), Path.of("pom.xml"), Path.of(".ci/run")));
        for (String dir : List.of("docs", "infra", "examples", ".ci")) {
            if (Files.isDirectory(Path.of(dir))) {
                try (Stream<Path> walk = Files.walk(Path.of(dir))) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !p.toString().contains("node_modules"))
                            .filter(p -> p.toString().matches(".*\\.(md|sh|yaml|yml|bicep|json|txt)$")
                                    || p.getFileName().toString().equals("run"))
                            .filter(p -> !p.getFileName().toString().equals("package-lock.json"))
                            .forEach(files::add);
                }
            }
        }
        return files.stream().filter(Files::isRegularFile).distinct().toList();
    }
}
