package io.farmhub.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.farmhub.core.CommandSource;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.Json;
import io.farmhub.core.NewEvent;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The command log hands its entries to the store wrapped as they are, not as trees: the stored JSON must be
 * exactly what the registry's tree would have given, and read back to the same entry.
 */
class CommandEntryJsonTest {

    private static final Instant AT = Instant.parse("2026-11-27T05:01:02.120Z");

    @Test
    void every_entry_is_written_as_its_tree_would_be_and_reads_back_the_same() throws Exception {
        EventTypeRegistry types = new EventTypeRegistry();
        CommandEntry.TYPES.forEach((name, type) -> types.register(name, 1, type));
        NewEvent planned = new NewEvent("e-1", "AnimalRelocated", 1, "2026-11-20", "c-1", "c-1", "máire", "api:máire",
                null, Json.MAPPER.createObjectNode().put("to", "field:north-meadow").put("litres", 12.40));
        List<CommandEntry> entries = List.of(
                new CommandEntry.Created("c-1", "RecordMilking", Json.MAPPER.readTree(
                        "{\"earTag\":\"IE12345670012\",\"litres\":12.40,\"n\":[1,2.5e3,null],\"ok\":true}"),
                        "hash", "máire", CommandSource.inbox("máire/moves.csv", 3), AT),
                new CommandEntry.Created("c-2", "RecordMilking", Json.MAPPER.readTree("{\"litres\":1}"), "hash",
                        "0b7c3f1e-oid", CommandSource.api("0b7c3f1e-oid"), AT, Set.of("sensor-gateway")),
                new CommandEntry.StepDone("validate", null, AT),
                new CommandEntry.StepDone("log-parameters", "RecordMilking by máire from api:máire 🐄", AT),
                new CommandEntry.Rejected("validate", List.of(new CommandStatus.Error("OUT_OF_RANGE", "litres",
                        "At most 80 litres.", true)), AT),
                new CommandEntry.Decided(2, List.of(new CommandEntry.PlannedAppend("farm/cow/IE12345670012", 4,
                        List.of(planned)), new CommandEntry.PlannedAppend("farm/barn/b-1", 7, List.of())), AT),
                new CommandEntry.Appended("farm/cow/IE12345670012", List.of(new CommandStatus.AppendedEvent(
                        "farm/cow/IE12345670012", 5, "AnimalRelocated")), List.of("e-1"), true, AT),
                new CommandEntry.Compensated("farm/barn/b-1", List.of(new CommandStatus.AppendedEvent(
                        "farm/barn/b-1", 8, "AnimalLeftBarn")), List.of("e-2"), AT),
                new CommandEntry.Failed("handle", "disk full", AT),
                new CommandEntry.Resumed(null, AT),
                new CommandEntry.Resumed("mary", AT));
        for (CommandEntry entry : entries) {
            String wrapped = Json.MAPPER.writeValueAsString(JsonNodeFactory.instance.pojoNode(entry));
            assertThat(wrapped).isEqualTo(Json.MAPPER.writeValueAsString(types.toData(entry)));
            Object back = Json.MAPPER.treeToValue(Json.MAPPER.readTree(wrapped), entry.getClass());
            assertThat(Json.MAPPER.writeValueAsString(back)).isEqualTo(wrapped);
        }
        assertThat(entries.stream().map(Object::getClass).distinct().count()).isEqualTo(CommandEntry.TYPES.size());
    }
}
