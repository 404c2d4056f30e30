package io.farmhub.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.CommandSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCommandErrorsTest {

    @TempDir
    Path dir;

    private static CommandError error(String id, String code, String field, String at) {
        return new CommandError(Instant.parse(at), id, "RelocateAnimal", code, field, "A sentence for " + code + ".",
                "mary", CommandSource.inbox("mary/moves.csv", 3));
    }

    @Test
    void writes_one_json_file_per_error_under_the_day_and_the_command_id() throws Exception {
        FileCommandErrors errors = new FileCommandErrors(dir);
        errors.record(error("mary/moves.csv#3", "UNKNOWN_LOCATION", "to", "2026-11-27T05:00:00Z"));
        Path file = dir.resolve("2026-11-27").resolve("mary+2Fmoves+2Ecsv+233.json");
        assertThat(file).exists();
        assertThat(Files.readString(file)).contains("\"code\":\"UNKNOWN_LOCATION\"", "\"submittedBy\":\"mary\"",
                "\"document\":\"mary/moves.csv\"");
    }

    @Test
    void the_same_error_twice_is_one_file_and_a_second_error_of_the_command_another() {
        FileCommandErrors errors = new FileCommandErrors(dir);
        errors.record(error("c1", "MALFORMED", "earTag", "2026-11-27T05:00:00Z"));
        errors.record(error("c1", "MALFORMED", "earTag", "2026-11-27T05:00:00Z"));
        errors.record(error("c1", "DATE_IN_FUTURE", "movedOn", "2026-11-27T05:00:00Z"));
        assertThat(dir.resolve("2026-11-27").toFile().list()).containsExactlyInAnyOrder("c1.json", "c1-2.json");
        assertThat(errors.recent(10)).extracting(CommandError::code)
                .containsExactlyInAnyOrder("MALFORMED", "DATE_IN_FUTURE");
    }

    @Test
    void reads_back_the_newest_first_across_days_up_to_the_limit() throws Exception {
        FileCommandErrors errors = new FileCommandErrors(dir);
        errors.record(error("a", "FORBIDDEN", null, "2026-11-25T10:00:00Z"));
        errors.record(error("b", "QUOTA_EXCEEDED", null, "2026-11-27T09:00:00Z"));
        errors.record(error("c", "CONFLICT", null, "2026-11-27T11:00:00Z"));
        errors.record(error("d", "ANIMAL_EXISTS", "earTag", "2026-11-26T08:00:00Z"));
        Files.writeString(dir.resolve("2026-11-27").resolve("broken.json"), "{not json");
        assertThat(errors.recent(3)).extracting(CommandError::commandId).containsExactly("c", "b", "d");
        assertThat(errors.recent(10)).extracting(CommandError::commandId).containsExactly("c", "b", "d", "a");
        assertThat(new FileCommandErrors(dir.resolve("nothing-yet")).recent(5)).isEmpty();
    }
}
