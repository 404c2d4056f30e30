package io.farmhub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.farmhub.core.ErrorCode;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InboxPathTest {

    private static final Set<String> USERS = Set.of("mary", "bob");

    @Test
    void the_folder_names_the_submitter_and_the_name_is_kept_as_dropped() {
        InboxPath path = InboxPath.parse("mary/move form é 3.csv", USERS);
        assertThat(path.user()).isEqualTo("mary");
        assertThat(path.name()).isEqualTo("move form é 3.csv");
        assertThat(path.document()).isEqualTo("mary/move form é 3.csv");
    }

    @Test
    void an_archived_document_and_its_result_go_under_the_user_and_the_day() {
        InboxPath path = InboxPath.parse("mary/moves.csv", USERS);
        assertThat(path.archiveKey(LocalDate.of(2026, 11, 27))).isEqualTo("mary/2026-11-27/moves.csv");
        assertThat(path.resultKey(LocalDate.of(2026, 11, 27))).isEqualTo("mary/2026-11-27/moves.csv.result.json");
        assertThat(InboxPath.ARCHIVE_ROOT + "/" + path.archiveKey(LocalDate.of(2026, 1, 5)))
                .isEqualTo("archive/mary/2026-01-05/moves.csv");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "mary/moves.csv            | documents/mary/moves.csv",
        "eve/moves.csv             | documents/eve/moves.csv",
        "moves.csv                 | documents/moves.csv",
        "mary/../bob/moves.csv     | documents/mary/%2E%2E/bob/moves.csv",
        "../../etc/passwd          | documents/%2E%2E/%2E%2E/etc/passwd",
        "/mary//./moves.csv        | documents/mary/%2E/moves.csv",
        "mary\\..\\moves.csv       | documents/mary/%2E%2E/moves.csv",
        "mary/move form é.csv      | documents/mary/move form é.csv",
        "''                        | documents/unnamed"})
    void a_rejected_document_is_copied_inside_the_documents_folder_whatever_its_path(String path, String key) {
        assertThat(InboxPath.errorKey(path)).isEqualTo(key);
        assertThat(InboxPath.errorFileKey(path)).isEqualTo(key + ".error.json");
    }

    @Test
    void a_control_character_in_a_name_is_made_visible_in_the_error_copy() {
        assertThat(InboxPath.errorKey("mary/a\nb.csv")).isEqualTo("documents/mary/a%0Ab.csv");
    }

    @Test
    void a_control_character_in_a_name_is_refused() {
        IntakeProblem problem = catchThrowableOfType(() -> InboxPath.parse("mary/a\u0000b.csv", USERS),
                IntakeProblem.class);
        assertThat(problem.rejection().code()).isEqualTo(ErrorCode.UNSUPPORTED_DOCUMENT);
        IntakeAssertions.assertReadable(problem.rejection().message());
    }
}
