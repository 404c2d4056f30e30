package io.farmhub.farm.tractor;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.CommandHandler;
import io.farmhub.core.Decision;
import io.farmhub.core.Json;
import io.farmhub.core.StreamChange;
import io.farmhub.farm.InMemoryStreams;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TractorCommandsTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-27");

    @SuppressWarnings("unchecked")
    static <C> CommandHandler<C> handler(String type) {
        return (CommandHandler<C>) TractorCommands.handlers().stream().filter(h -> h.commandType().equals(type))
                .findFirst().orElseThrow();
    }

    @Test
    void there_is_a_handler_for_every_tractor_command() {
        assertThat(TractorCommands.handlers()).extracting(CommandHandler::commandType)
                .containsExactly("RegisterTractor", "RecordTractorService", "RecordEngineHours");
    }

    @Test
    void a_service_record_row_is_normalised_and_decided_against_its_tractor() throws Exception {
        CommandHandler<TractorCommand.RecordTractorService> service = handler("RecordTractorService");
        TractorCommand.RecordTractorService command = service.normalise(Json.MAPPER.readValue(
                "{\"chassisNumber\": \"jd6r-155x 001234\", \"servicedOn\": \"2026-06-01\", \"engineHours\": 500.0,"
                        + " \"workDone\": \" Oil and filters changed \"}", service.commandClass()));
        assertThat(command.chassisNumber()).isEqualTo(TractorDeciderTest.CHASSIS);
        assertThat(service.validate(command, TODAY)).isEmpty();
        InMemoryStreams streams = new InMemoryStreams().with(Tractor.AGGREGATE, TractorDeciderTest.CHASSIS,
                TractorDeciderTest.REGISTERED);
        Decision.Accepted decision = (Decision.Accepted) service.decide(command, streams, TODAY);
        assertThat(decision.changes()).containsExactly(new StreamChange(
                Tractor.AGGREGATE.stream(TractorDeciderTest.CHASSIS), 1, List.of(TractorDeciderTest.SERVICED)));
        assertThat(decision.allEvents().get(0)).isInstanceOf(TractorEvent.TractorServiced.class);
        assertThat(((TractorEvent.TractorServiced) decision.allEvents().get(0)).engineHours())
                .isEqualTo(new BigDecimal("500.0"));
    }
}
