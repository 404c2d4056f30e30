package io.farmhub.intake;

import static io.farmhub.intake.IntakeAssertions.assertSameJson;
import static io.farmhub.intake.IntakeAssertions.commands;
import static io.farmhub.intake.IntakeAssertions.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus ({@code src/test/resources/inbox-corpus/corpus.csv}): every document gets its specific code,
 * or, when it still parses, exactly the commands in {@code expected/<file>.json}, each carrying what was sent for
 * the pipeline to judge. Files whose size is the point (random noise, deep nesting, 4 MiB lines, over the limit)
 * are made here, named {@code @...} in the manifest, rather than committed.
 */
class InboxCorpusTest {

    private static final String CORPUS = "/inbox-corpus/";
    private static final Set<String> USERS = Set.of("mary", "bob");
    private static final InboxReader READER = new InboxReader(InboxReader.DEFAULT_MAX_BYTES);

    private static final Map<String, Supplier<byte[]>> GENERATED = Map.of(
            "@binary-noise.csv", () -> noise(64 * 1024),
            "@nested-10000.json", () -> nested("{\"a\":", "}"),
            "@nested-10000-arrays.json", () -> nested("[", "]"),
            "@single-line-4mib.csv", () -> utf8("ear_tag".repeat(4 * 1024 * 1024 / 7 + 1)),
            "@single-line-4mib.json", () -> utf8("{\"commandType\": \"RegisterBarn\", \"payload\": {\"name\": \""
                    + "x".repeat(4 * 1024 * 1024) + "\"}}"),
            "@over-size.csv", InboxCorpusTest::overSize);

    static Stream<Arguments> corpus() throws IOException {
        try (Reader manifest = new java.io.InputStreamReader(resource("corpus.csv"), StandardCharsets.UTF_8)) {
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(manifest).getRecords();
            return rows.stream().map(row -> Arguments.of(row.get("file"),
                    row.get("path").isEmpty() ? "mary/" + row.get("file").replace("@", "") : row.get("path"),
                    row.get("expected"), row.get("why")));
        }
    }

    @Test
    void the_corpus_holds_at_least_forty_documents() throws IOException {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "{3}: {1} → {2}")
    @MethodSource("corpus")
    void each_document_gets_its_specific_outcome(String file, String path, String expected, String why)
            throws Exception {
        byte[] bytes = bytes(file);
        InboxOutcome outcome = READER.read(path, DocumentContent.of(bytes), USERS);
        if (!expected.equals("COMMANDS")) {
            assertThat(rejection(outcome).code().name()).as(why).isEqualTo(expected);
            return;
        }
        List<CommandRequest> commands = commands(outcome);
        JsonNode expectedCommands = Json.MAPPER.readTree(resource("expected/" + file + ".json"));
        assertThat(commands).hasSize(expectedCommands.size());
        String sha = sha256(bytes);
        for (int i = 0; i < commands.size(); i++) {
            CommandRequest command = commands.get(i);
            JsonNode want = expectedCommands.get(i);
            assertThat(command.commandType()).isEqualTo(want.get("commandType").asText());
            assertThat(command.commandId()).isEqualTo(want.has("commandId") ? want.get("commandId").asText()
                    : sha + ":" + (i + 1));
            assertThat(command.submittedBy()).isEqualTo("mary");
            assertThat(command.source()).isEqualTo(CommandSource.inbox(path, want.get("row").asInt()));
            assertSameJson(command.payload(), want.get("payload"));
        }
    }

    @Test
    void the_same_document_dropped_twice_gives_the_same_command_ids_whatever_its_name() throws IOException {
        byte[] bytes = bytes("movement.csv");
        List<String> first = ids(READER.read("mary/movement.csv", DocumentContent.of(bytes), USERS));
        List<String> again = ids(READER.read("mary/movement.csv", DocumentContent.of(bytes), USERS));
        List<String> renamed = ids(READER.read("mary/movement (copy).csv", DocumentContent.of(bytes.clone()), USERS));
        assertThat(first).hasSize(2).isEqualTo(again).isEqualTo(renamed);
        assertThat(first.get(0)).isEqualTo(sha256(bytes) + ":1");
    }

    @Test
    void a_changed_document_gets_new_command_ids() throws IOException {
        byte[] bytes = bytes("movement.csv");
        byte[] edited = (new String(bytes, StandardCharsets.UTF_8) + "IE93104420016,field:lough-field,2026-11-10\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(ids(READER.read("mary/movement.csv", DocumentContent.of(edited), USERS)))
                .doesNotContainAnyElementsOf(ids(READER.read("mary/movement.csv", DocumentContent.of(bytes), USERS)));
    }

    private static List<String> ids(InboxOutcome outcome) {
        return commands(outcome).stream().map(CommandRequest::commandId).toList();
    }

    static byte[] bytes(String file) {
        if (file.startsWith("@")) {
            return GENERATED.get(file).get();
        }
        try (InputStream in = resource("files/" + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = InboxCorpusTest.class.getResourceAsStream(CORPUS + name);
        assertThat(in).as("corpus resource %s", name).isNotNull();
        return in;
    }

    private static byte[] noise(int size) {
        byte[] bytes = new byte[size];
        new Random(6).nextBytes(bytes);
        return bytes;
    }

    private static byte[] nested(String open, String close) {
        String head = "{\"commandType\": \"RegisterBarn\", \"payload\": {\"deep\": ";
        return utf8(head + open.repeat(10_000) + "1" + close.repeat(10_000) + "}}");
    }

    private static byte[] overSize() {
        StringBuilder form = new StringBuilder("ear_tag,to,moved_on\n");
        while (form.length() <= InboxReader.DEFAULT_MAX_BYTES) {
            form.append("IE22013340007,barn:cubicle-house,2026-11-03\n");
        }
        return utf8(form.toString());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
