package io.farmhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.commands.CommandError;
import io.farmhub.commands.CommandErrors;
import io.farmhub.security.ApiKey;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bad-input corpus ({@code src/test/resources/inbox-corpus}) dropped into a running hub's inbox folder: the hub
 * stays healthy, every file is accounted for (archived with its result, or kept in command-errors with its code),
 * and no stack trace reaches a record a user reads. Paths a file system cannot hold ({@code mary/../bob/x.csv},
 * {@code /mary/x.csv}) are judged by {@link InboxCorpusTest} on the reader alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InboxCorpusEndToEndTest {

    private static final Path DATA = Path.of("target/test-data/inbox-corpus-" + System.nanoTime());

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        registry.add("farmhub.data-dir", DATA::toString);
        for (String user : List.of("mary", "bob")) {
            registry.add("farmhub.security.users." + user + ".api-key-sha256", () -> ApiKey.sha256Hex(user + "-key"));
            registry.add("farmhub.security.users." + user + ".roles", () -> "farm-manager");
        }
        registry.add("farmhub.inbox.settle", () -> "50");
        registry.add("farmhub.inbox.poll-delay", () -> "100");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    CommandErrors errors;

    private final InboxFolder folder = new InboxFolder(DATA);

    record Entry(String file, String path, String expected, String why) {
    }

    @Test
    void every_corpus_file_is_accounted_for_and_the_hub_stays_healthy() throws IOException {
        List<Entry> entries = droppable();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(70);
        for (Entry entry : entries) {
            folder.drop(entry.path(), InboxCorpusTest.bytes(entry.file()));
        }
        awaitEmptyInbox();
        List<CommandError> recorded = errors.recent(1000);

        for (Entry entry : entries) {
            byte[] dropped = InboxCorpusTest.bytes(entry.file());
            if (entry.expected().equals("COMMANDS")) {
                String[] parts = entry.path().split("/");
                Path archived = folder.archived(parts[0], parts[1]).orElseThrow(() ->
                        new AssertionError(entry.why() + ": " + entry.path() + " is not in the archive"));
                assertThat(Files.readAllBytes(archived)).as(entry.why()).isEqualTo(dropped);
                JsonNode result = InboxFolder.json(archived.resolveSibling(parts[1] + ".result.json"));
                assertThat(result.path("document").asText()).isEqualTo(entry.path());
                assertThat(result.path("commands")).as(entry.why()).isNotEmpty();
                result.path("commands").forEach(command -> assertThat(command.path("state").asText())
                        .as("%s: %s", entry.why(), command).isIn("COMPLETED", "INVALID"));
            } else {
                Path kept = folder.errors().resolve(InboxPath.errorKey(entry.path()));
                assertThat(kept).as(entry.why() + ": " + entry.path()).exists();
                assertThat(Files.readAllBytes(kept)).as(entry.why()).isEqualTo(dropped);
                JsonNode error = InboxFolder.json(kept.resolveSibling(kept.getFileName() + ".error.json"));
                assertThat(error.path("code").asText()).as(entry.why()).isEqualTo(entry.expected());
                assertThat(error.path("message").asText()).isNotBlank();
                assertThat(recorded).as("the command error of %s", entry.path()).anySatisfy(recordedError -> {
                    assertThat(recordedError.source().document()).isEqualTo(entry.path());
                    assertThat(recordedError.code()).isEqualTo(entry.expected());
                });
            }
        }
        // Nothing else was made of them (bob's folder belongs to the other test).
        assertThat(documents(folder.archive().resolve("mary"), ".result.json")
                + documents(folder.errors().resolve("documents"), ".error.json")).isEqualTo(entries.size());
        assertNoStackTraces();
        assertThat(http.getForObject("/actuator/health", JsonNode.class).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void the_same_document_dropped_twice_is_archived_twice_and_changes_nothing_the_second_time() throws IOException {
        byte[] form = InboxCorpusTest.bytes("movement.csv");
        folder.drop("bob/moves.csv", form);
        awaitEmptyInbox();
        folder.drop("bob/moves.csv", form);
        awaitEmptyInbox();

        Path first = folder.archived("bob", "moves.csv.result.json").orElseThrow();
        Path second = folder.archived("bob", "moves-2.csv.result.json").orElseThrow();
        assertThat(folder.archived("bob", "moves-2.csv")).hasValueSatisfying(copy ->
                assertThat(copy).hasBinaryContent(form));
        JsonNode before = InboxFolder.json(first).path("commands");
        JsonNode after = InboxFolder.json(second).path("commands");
        assertThat(after).isEqualTo(before);
    }

    private void awaitEmptyInbox() {
        Awaitility.await("the inbox emptied").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> folder.waiting().isEmpty());
    }

    /** The records the hub writes for people to read: results, errors, and the command-errors entries. */
    private void assertNoStackTraces() throws IOException {
        List<Path> records = new ArrayList<>(InboxFolder.files(folder.archive()));
        records.addAll(InboxFolder.files(folder.errors()));
        for (Path record : records) {
            String name = record.getFileName().toString();
            if (name.endsWith(".result.json") || name.endsWith(".error.json")
                    || record.startsWith(folder.errors().resolve("commands"))) {
                assertThat(Files.readString(record)).as(record.toString()).doesNotContain("\tat ")
                        .doesNotContain("Exception").doesNotContain("io.farmhub.").doesNotContain("java.");
            }
        }
    }

    private static long documents(Path root, String beside) {
        return InboxFolder.files(root).stream().filter(p -> !p.toString().endsWith(beside)).count();
    }

    /** The corpus, without the paths no file system can hold (a '.' or '..' segment, an empty one, a leading '/'). */
    static List<Entry> droppable() throws IOException {
        try (Reader manifest = new InputStreamReader(InboxCorpusEndToEndTest.class
                .getResourceAsStream("/inbox-corpus/corpus.csv"), StandardCharsets.UTF_8)) {
            List<Entry> entries = new ArrayList<>();
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(manifest)) {
                String path = row.get("path").isEmpty() ? "mary/" + row.get("file").replace("@", "") : row.get("path");
                boolean holdable = Arrays.stream(path.split("/", -1))
                        .noneMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."));
                if (holdable) {
                    entries.add(new Entry(row.get("file"), path, row.get("expected"), row.get("why")));
                }
            }
            return entries;
        }
    }
}
