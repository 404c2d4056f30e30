package io.farmhub.intake;

import static io.farmhub.intake.IntakeAssertions.commands;
import static io.farmhub.intake.IntakeAssertions.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxReaderTest {

    private static final Set<String> USERS = Set.of("mary");
    private final InboxReader reader = new InboxReader(InboxReader.DEFAULT_MAX_BYTES);

    /** Bytes that count how much of them was read and how many openings were closed. */
    private static final class CountingContent implements DocumentContent {
        final byte[] bytes;
        final AtomicLong read = new AtomicLong();
        final AtomicInteger open = new AtomicInteger();

        CountingContent(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            open.incrementAndGet();
            return new FilterInputStream(new ByteArrayInputStream(bytes)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    read.addAndGet(Math.max(n, 0));
                    return n;
                }

                @Override
                public void close() throws IOException {
                    open.decrementAndGet();
                    super.close();
                }
            };
        }
    }

    private static byte[] movementForm(int rows) {
        StringBuilder form = new StringBuilder("ear_tag,to,moved_on\n");
        for (int i = 1; i <= rows; i++) {
            form.append(String.format("IE%011d,field:hazel-park,2026-11-03%n", i));
        }
        return form.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_10000_row_movement_form_is_handed_out_as_it_is_read_not_held_whole() {
        CountingContent content = new CountingContent(movementForm(10_000));
        InboxDocument document = ((InboxOutcome.Accepted) reader.read("mary/big.csv", content, USERS)).document();
        assertThat(document.commandCount()).isEqualTo(10_000);
        assertThat(content.open).hasValue(0);

        content.read.set(0);
        try (CommandIterator commands = document.commands()) {
            CommandRequest first = commands.next();
            assertThat(first.source()).isEqualTo(CommandSource.inbox("mary/big.csv", 1));
            assertThat(content.read.get()).as("bytes read to hand out the first command")
                    .isLessThan(content.size() / 10);
            CommandRequest last = first;
            int count = 1;
            while (commands.hasNext()) {
                last = commands.next();
                count++;
            }
            assertThat(count).isEqualTo(10_000);
            assertThat(last.commandId()).isEqualTo(document.sha256() + ":10000");
            assertThat(last.source().row()).isEqualTo(10_000);
            assertThat(last.payload().get("earTag").asText()).isEqualTo("IE00000010000");
        }
        assertThat(content.open).as("every opening closed").hasValue(0);
    }

    @Test
    void closing_the_commands_early_closes_the_document() {
        CountingContent content = new CountingContent(movementForm(100));
        InboxDocument document = ((InboxOutcome.Accepted) reader.read("mary/m.csv", content, USERS)).document();
        try (CommandIterator commands = document.commands()) {
            commands.next();
            assertThat(content.open).hasValue(1);
        }
        assertThat(content.open).hasValue(0);
    }

    @Test
    void a_file_on_disk_is_read_in_place(@TempDir Path inbox) throws IOException {
        Path file = Files.write(inbox.resolve("moves.csv"), movementForm(3));
        List<CommandRequest> commands = commands(reader.read("mary/moves.csv", DocumentContent.of(file), USERS));
        assertThat(commands).extracting(CommandRequest::commandType).containsOnly("RelocateAnimal").hasSize(3);
    }

    @Test
    void the_size_limit_is_inclusive_and_configurable() {
        InboxReader small = new InboxReader(100);
        byte[] atLimit = ("ear_tag,to,moved_on\nIE22013340007,barn:cubicle-house,2026-11-03\n" + " ".repeat(100))
                .substring(0, 100).getBytes(StandardCharsets.UTF_8);
        assertThat(commands(small.read("mary/m.csv", DocumentContent.of(atLimit), USERS))).hasSize(1);
        byte[] over = (new String(atLimit, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(rejection(small.read("mary/m.csv", DocumentContent.of(over), USERS)).code())
                .isEqualTo(ErrorCode.TOO_LARGE);
    }

    @Test
    void an_over_size_stream_is_refused_without_reading_a_byte() {
        InputStream untouchable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("an over-size document must not be read");
            }
        };
        InboxOutcome outcome = reader.read("mary/huge.csv", untouchable, InboxReader.DEFAULT_MAX_BYTES + 1, USERS);
        assertThat(rejection(outcome).code()).isEqualTo(ErrorCode.TOO_LARGE);
    }

    @Test
    void a_stream_longer_than_its_stated_size_is_refused_as_too_large() {
        InboxReader small = new InboxReader(1_000);
        InboxOutcome outcome = small.read("mary/m.csv", new ByteArrayInputStream(movementForm(100)), 10, USERS);
        assertThat(rejection(outcome).code()).isEqualTo(ErrorCode.TOO_LARGE);
    }

    @Test
    void a_stream_within_the_limit_is_read() {
        byte[] form = movementForm(5);
        assertThat(commands(reader.read("mary/m.csv", new ByteArrayInputStream(form), form.length, USERS)))
                .hasSize(5);
    }

    @Test
    void a_batch_numbers_every_command_and_keeps_the_ids_it_gives() {
        byte[] batch = """
                {"note": "ignored", "commands": [
                  {"commandType": "RegisterBarn", "payload": {"barnCode": "calf-shed"}},
                  {"commandType": "RegisterBarn", "commandId": "barn-2", "payload": {"barnCode": "hay-barn"}},
                  {"commandType": "RegisterBarn", "commandId": null, "payload": {"barnCode": "old-byre"}}
                ], "more": {"nested": [1, 2]}}""".getBytes(StandardCharsets.UTF_8);
        InboxOutcome outcome = reader.read("mary/barns.json", DocumentContent.of(batch), USERS);
        String sha = ((InboxOutcome.Accepted) outcome).document().sha256();
        assertThat(((InboxOutcome.Accepted) outcome).document().form()).isEqualTo("JSON batch");
        List<CommandRequest> commands = commands(outcome);
        assertThat(commands).extracting(CommandRequest::commandId).containsExactly(sha + ":1", "barn-2", sha + ":3");
        assertThat(commands).extracting(c -> c.source().row()).containsExactly(1, 2, 3);
        assertThat(sha).isEqualTo(InboxCorpusTest.sha256(batch));
    }

    @Test
    void a_rejection_names_the_document_and_the_submitter_in_its_error_file() {
        InboxOutcome outcome = reader.read("mary/notes.txt", DocumentContent.of(new byte[] {'x'}), USERS);
        DocumentError error = ((InboxOutcome.Rejected) outcome).error();
        assertThat(error.document()).isEqualTo("mary/notes.txt");
        assertThat(error.submittedBy()).isEqualTo("mary");
        assertThat(error.code()).isEqualTo(ErrorCode.UNSUPPORTED_DOCUMENT);

        DocumentError unknown = ((InboxOutcome.Rejected) reader.read("eve/m.csv",
                DocumentContent.of(movementForm(1)), USERS)).error();
        assertThat(unknown.submittedBy()).isNull();
        assertThat(unknown.code()).isEqualTo(ErrorCode.UNKNOWN_SUBMITTER);
    }

    @Test
    void bad_encoding_is_reported_even_when_the_parser_would_have_stumbled_first() {
        byte[] bytes = "{\"commandType\": oops, \"payload\": {\"name\": \"Cr\u00e9merie\"}}"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(rejection(reader.read("mary/x.json", DocumentContent.of(bytes), USERS)).code())
                .isEqualTo(ErrorCode.UNSUPPORTED_DOCUMENT);
    }
}
