package io.farmhub.intake;

import static io.farmhub.intake.IntakeAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.commands.CommandState;
import io.farmhub.commands.CommandStatus;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The result and error files are written with FarmHub's one JSON configuration, in interfaces.md's shapes. */
class DocumentResultTest {

    @Test
    void the_result_file_lists_each_command_with_its_row_state_and_errors() throws Exception {
        CommandRequest request = new CommandRequest("RelocateAnimal", "abc:3", json("{}"), "mary",
                CommandSource.inbox("mary/moves.csv", 3));
        CommandStatus invalid = new CommandStatus("abc:3", "RelocateAnimal", CommandState.INVALID, "mary",
                request.source(), null, null, List.of(),
                List.of(new CommandStatus.Error("UNKNOWN_LOCATION", "to", "There is no field called x.", true)),
                List.of());
        DocumentResult result = new DocumentResult("mary/moves.csv", "mary", "abc",
                List.of(DocumentResult.Command.of(request, invalid)));

        assertThat(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(result))).isEqualTo(json("""
                {"document": "mary/moves.csv", "submittedBy": "mary", "sha256": "abc",
                 "commands": [{"commandId": "abc:3", "row": 3, "commandType": "RelocateAnimal", "state": "INVALID",
                   "errors": [{"code": "UNKNOWN_LOCATION", "field": "to", "message": "There is no field called x.",
                               "fatal": true}]}]}"""));
    }

    @Test
    void a_completed_command_has_an_empty_error_list() throws Exception {
        DocumentResult.Command done = new DocumentResult.Command("abc:1", 1, "RecordSale", CommandState.COMPLETED, null);
        assertThat(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(done)).get("errors")).isEqualTo(json("[]"));
    }

    @Test
    void the_error_file_holds_the_code_and_a_readable_message() throws Exception {
        DocumentError error = new DocumentError("eve/moves.csv", null, ErrorCode.UNKNOWN_SUBMITTER, null,
                "'eve' is not a FarmHub user.");
        assertThat(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(error))).isEqualTo(json("""
                {"document": "eve/moves.csv", "code": "UNKNOWN_SUBMITTER", "message": "'eve' is not a FarmHub user."}"""));
    }
}
