package io.farmhub.farm.barn;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.CommandHandler;
import io.farmhub.core.Decision;
import io.farmhub.core.Json;
import io.farmhub.farm.InMemoryStreams;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BarnCommandsTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-27");

    @SuppressWarnings("unchecked")
    static <C> CommandHandler<C> handler(String type) {
        return (CommandHandler<C>) BarnCommands.handlers().stream().filter(h -> h.commandType().equals(type))
                .findFirst().orElseThrow();
    }

    @Test
    void there_is_a_handler_for_every_barn_command() {
        assertThat(BarnCommands.handlers()).extracting(CommandHandler::commandType)
                .containsExactly("RegisterBarn", "RecordBarnTemperature");
    }

    @Test
    void a_sensor_reading_within_the_dead_band_is_accepted_with_nothing_to_append() throws Exception {
        CommandHandler<BarnCommand.RecordBarnTemperature> record = handler("RecordBarnTemperature");
        BarnCommand.RecordBarnTemperature command = record.normalise(Json.MAPPER.readValue(
                "{\"barnCode\": \"Main-Barn\", \"at\": \"2026-11-26T06:05:00Z\", \"celsius\": 18.2}",
                record.commandClass()));
        assertThat(command.barnCode()).isEqualTo("main-barn");
        assertThat(record.validate(command, TODAY)).isEmpty();
        InMemoryStreams streams = new InMemoryStreams().with(Barn.AGGREGATE, "main-barn", BarnDeciderTest.REGISTERED,
                BarnDeciderTest.AT_T0_18);
        Decision decision = record.decide(command, streams, TODAY);
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        assertThat(((Decision.Accepted) decision).changes()).isEmpty();
        assertThat(((Decision.Accepted) decision).reads()).containsEntry(Barn.AGGREGATE.stream("main-barn"), 2L);
    }
}
