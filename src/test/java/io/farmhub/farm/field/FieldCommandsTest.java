package io.farmhub.farm.field;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.CommandHandler;
import io.farmhub.core.Decision;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.Json;
import io.farmhub.core.StreamChange;
import io.farmhub.farm.InMemoryStreams;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldCommandsTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-27");

    @SuppressWarnings("unchecked")
    static <C> CommandHandler<C> handler(String type) {
        return (CommandHandler<C>) FieldCommands.handlers().stream().filter(h -> h.commandType().equals(type))
                .findFirst().orElseThrow();
    }

    @Test
    void there_is_a_handler_for_every_field_command() {
        assertThat(FieldCommands.handlers()).extracting(CommandHandler::commandType)
                .containsExactly("RegisterField", "SowCrop", "HarvestCrop");
    }

    @Test
    void a_payload_is_read_normalised_and_decided_against_its_own_stream() throws Exception {
        CommandHandler<FieldCommand.SowCrop> sow = handler("SowCrop");
        FieldCommand.SowCrop raw = Json.MAPPER.readValue(
                "{\"fieldCode\": \" North-Meadow \", \"crop\": \" barley \", \"sownOn\": \"2026-09-01\"}",
                sow.commandClass());
        FieldCommand.SowCrop command = sow.normalise(raw);
        assertThat(command).isEqualTo(new FieldCommand.SowCrop("north-meadow", "barley", LocalDate.parse("2026-09-01")));
        assertThat(sow.validate(command, TODAY)).isEmpty();

        InMemoryStreams streams = new InMemoryStreams().with(Field.AGGREGATE, "north-meadow",
                new FieldEvent.FieldRegistered("north-meadow", "North Meadow", BigDecimal.TEN, TODAY));
        Decision.Accepted decision = (Decision.Accepted) sow.decide(command, streams, TODAY);
        assertThat(decision.changes()).containsExactly(new StreamChange(Field.AGGREGATE.stream("north-meadow"), 1,
                List.of(new FieldEvent.CropSown("north-meadow", "barley", LocalDate.parse("2026-09-01")))));
        assertThat(decision.reads()).containsEntry(Field.AGGREGATE.stream("north-meadow"), 1L);
    }

    @Test
    void a_field_code_still_malformed_after_normalisation_is_rejected_before_any_stream_is_read() {
        CommandHandler<FieldCommand.RegisterField> register = handler("RegisterField");
        FieldCommand.RegisterField command = register.normalise(
                new FieldCommand.RegisterField("North/Meadow", "North Meadow", BigDecimal.ONE));
        assertThat(register.validate(command, TODAY)).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(ErrorCode.MALFORMED);
            assertThat(r.field()).isEqualTo("fieldCode");
            assertThat(r.message()).contains("north/meadow");
        });
    }
}
