package io.farmhub.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.Json;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.sqlite.SqliteEventStore;
import io.farmhub.farm.Farm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The farm commands' footprints, read from the command as its handler parses it, and for a cow that leaves, every
 * barn she may be in: the one her stream (a real SQLite store) says, and those earlier unfinished rows may leave
 * her in.
 */
class FarmFootprintsTest {

    @TempDir
    Path dir;
    private EventStore store;
    private FarmFootprints footprints;

    @BeforeEach
    void open() {
        store = new SqliteEventStore(dir.resolve("farmhub.db"));
        footprints = new FarmFootprints(new CommandHandlers(Farm.commandHandlers()), store,
                Farm.registerEvents(new io.farmhub.core.EventTypeRegistry()), new StreamStateCache());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Footprint of(String type, String payload, Set<String> pending) throws Exception {
        return footprints.of(new CommandRequest(type, "c-1", Json.MAPPER.readTree(payload), "mary",
                CommandSource.api("mary")), cow -> pending);
    }

    private void stored(String earTag, String type, String data) throws Exception {
        StreamId cow = StreamId.farm("cow", earTag);
        JsonNode json = Json.MAPPER.readTree(data);
        store.append(cow, store.version(cow), List.of(new NewEvent(UUID.randomUUID().toString(), type, 1,
                "2026-11-20", "c", "c", "mary", "api:mary", null, json)));
    }

    @Test
    void a_move_writes_the_cow_her_current_barn_the_pending_ones_and_the_destination_barn() throws Exception {
        stored("IE12345670012", "AnimalPurchased", "{\"earTag\":\"IE12345670012\",\"location\":\"barn:shed-a\"}");
        stored("IE12345670012", "AnimalRelocated", "{\"earTag\":\"IE12345670012\",\"from\":\"barn:shed-a\","
                + "\"to\":\"barn:shed-b\"}");
        Footprint move = of("RelocateAnimal", "{\"earTag\":\"IE1234567 0012\",\"to\":\"barn:Shed-D\","
                + "\"movedOn\":\"2026-11-21\"}", Set.of("farm/barn/shed-c"));
        assertThat(move.barrier()).isFalse();
        assertThat(move.keys()).isEqualTo(Map.of("farm/cow/IE12345670012", Footprint.Mode.WRITE,
                "farm/barn/shed-b", Footprint.Mode.WRITE, "farm/barn/shed-c", Footprint.Mode.WRITE,
                "farm/barn/shed-d", Footprint.Mode.WRITE));
        assertThat(move.places()).isEqualTo(Map.of("farm/cow/IE12345670012", "farm/barn/shed-d"));
    }

    @Test
    void a_sale_of_a_cow_in_a_field_writes_only_her_and_a_move_to_a_field_only_reads_it() throws Exception {
        stored("IE12345670013", "AnimalPurchased", "{\"earTag\":\"IE12345670013\",\"location\":\"field:field-f\"}");
        assertThat(of("RecordSale", "{\"earTag\":\"IE12345670013\",\"soldOn\":\"2026-11-21\",\"buyer\":\"B\","
                + "\"price\":{\"amount\":\"1.00\",\"currency\":\"EUR\"}}", Set.of()).keys())
                .isEqualTo(Map.of("farm/cow/IE12345670013", Footprint.Mode.WRITE));
        assertThat(of("RelocateAnimal", "{\"earTag\":\"IE12345670013\",\"to\":\"field:field-g\",\"movedOn\":\"2026-11-21\"}",
                Set.of()).keys()).isEqualTo(Map.of("farm/cow/IE12345670013", Footprint.Mode.WRITE,
                        "farm/field/field-g", Footprint.Mode.READ));
    }

    @Test
    void a_birth_reads_the_dam_and_two_reads_of_one_field_do_not_conflict() throws Exception {
        Footprint birth = of("RegisterBirth", "{\"earTag\":\"IE12345670014\",\"herdNumber\":\"H1\",\"sex\":\"F\","
                + "\"breed\":\"Angus\",\"bornOn\":\"2026-11-01\",\"damEarTag\":\"IE12345670013\","
                + "\"location\":\"field:field-f\"}", Set.of());
        assertThat(birth.keys()).containsEntry("farm/cow/IE12345670013", Footprint.Mode.READ)
                .containsEntry("farm/field/field-f", Footprint.Mode.READ);
        Footprint other = of("RelocateAnimal", "{\"earTag\":\"IE12345670015\",\"to\":\"field:field-f\","
                + "\"movedOn\":\"2026-11-21\"}", Set.of());
        assertThat(birth.conflicts(other)).isFalse();
        Footprint sale = of("RecordSale", "{\"earTag\":\"IE12345670013\",\"soldOn\":\"2026-11-21\",\"buyer\":\"B\","
                + "\"price\":{\"amount\":\"1.00\",\"currency\":\"EUR\"}}", Set.of());
        assertThat(birth.conflicts(sale)).isTrue();
    }

    @Test
    void a_release_an_unknown_type_and_an_unreadable_payload_are_barriers() throws Exception {
        assertThat(of("ReleaseCollateral", "{\"loanId\":\"L-1\",\"releasedOn\":\"2026-11-21\"}", Set.of())
                .barrier()).isTrue();
        assertThat(of("PaintBarn", "{}", Set.of()).barrier()).isTrue();
        assertThat(of("RelocateAnimal", "{\"earTag\": 5, \"to\": \"nowhere\"}", Set.of()).barrier()).isTrue();
        Footprint pledge = of("CollateraliseLoan", "{\"loanId\":\"L-2\",\"lender\":\"Bank\",\"pledgedOn\":"
                + "\"2026-11-21\",\"tractors\":[\"MF7S165A004521\"],\"fields\":[\"field-f\"],\"cattle\":[\"IE12345670013\"]}",
                Set.of());
        assertThat(pledge.keys().keySet()).containsExactlyInAnyOrder("farm/tractor/MF7S165A004521", "farm/field/field-f",
                "farm/cow/IE12345670013", "loan/L-2");
    }
}
