package io.farmhub.farm.cow;

import static io.farmhub.farm.cow.Herd.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.Aggregate;
import io.farmhub.core.CommandHandler;
import io.farmhub.core.Decision;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;
import io.farmhub.core.StreamId;
import io.farmhub.farm.InMemoryStreams;
import io.farmhub.farm.Location;
import io.farmhub.farm.cow.CowCommand.*;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The handlers as the pipeline uses them: each reads through StreamStates (here in memory) what its decision
 * needs, including field and barn streams through a {@link StreamLocationDirectory}.
 */
class CowCommandsTest {

    /** Stand-ins for the field and barn aggregates' registration events, so this package stays on its own. */
    record Registered(int capacity) implements DomainEvent {
        @Override
        public String occurredAt() {
            return "2020-01-01";
        }
    }

    private static final Aggregate<Integer> FIELD = new Aggregate<>("farm", "field", 0, (s, e) -> s);
    private static final Aggregate<Integer> BARN = new Aggregate<>("farm", "barn", 0,
            (s, e) -> e instanceof Registered r ? r.capacity() : s);
    private static final LocationDirectory LOCATIONS = new StreamLocationDirectory(FIELD, BARN, s -> (Integer) s);
    private static final LocalDate ON = LocalDate.of(2026, 11, 20);

    private final InMemoryStreams states = new InMemoryStreams()
            .with(StreamId.farm("field", "north-meadow"), new Registered(0))
            .with(StreamId.farm("barn", "main-barn"), new Registered(2));

    @SuppressWarnings("unchecked")
    private static <C> CommandHandler<C> handler(Class<C> type) {
        return (CommandHandler<C>) CowCommands.handlers(LOCATIONS).stream()
                .filter(h -> h.commandClass() == type).findFirst().orElseThrow();
    }

    private static <C> Decision handle(Class<C> type, C command, InMemoryStreams states) {
        CommandHandler<C> h = handler(type);
        C normal = h.normalise(command);
        return h.decide(normal, states, TODAY);
    }

    @Test
    void every_cow_command_has_a_handler_under_its_contract_name() {
        assertThat(CowCommands.handlers(LOCATIONS)).extracting(CommandHandler::commandType).containsExactly(
                "RegisterBirth", "RecordPurchase", "RecordSale", "RecordDeath", "RelocateAnimal", "RecordAIVisit",
                "RecordTBInspection", "RecordMilking");
    }

    @Test
    void a_handler_normalises_the_ear_tag_before_deciding() {
        states.with(Cow.AGGREGATE.stream(DAISY), cowBorn(DAISY));
        Decision d = handle(RecordDeath.class, new RecordDeath("ie 1234567-0012", ON, "old age"), states);
        assertThat(((Decision.Accepted) d).changes().get(0).stream()).isEqualTo(Cow.AGGREGATE.stream(DAISY));
    }

    @Test
    void a_malformed_command_is_rejected_without_reading_a_stream() {
        Decision d = handle(RecordDeath.class, new RecordDeath("not/a/tag", ON, "old age"), states);
        assertThat(((Decision.Rejected) d).rejections()).extracting(Rejection::code)
                .containsExactly(ErrorCode.MALFORMED);
    }

    @Test
    void a_barn_with_room_for_one_more_takes_her_and_the_count_is_read_from_the_herd() {
        states.with(Cow.AGGREGATE.stream(DAISY), cowBorn(DAISY))
                .with(Cow.AGGREGATE.stream(BELLA), cowBorn(BELLA), moved(BELLA, NORTH_MEADOW, MAIN_BARN, ON))
                .with(Cow.AGGREGATE.stream(BRUNO), bullBorn(BRUNO), moved(BRUNO, NORTH_MEADOW, MAIN_BARN, ON),
                        sold(BRUNO, ON));
        Decision d = handle(RelocateAnimal.class, new RelocateAnimal(DAISY, MAIN_BARN, ON), states);

        assertThat(d).isInstanceOf(Decision.Accepted.class);
        assertThat(((Decision.Accepted) d).reads()).containsEntry(StreamId.farm("barn", "main-barn"), 1L)
                .containsEntry(Cow.AGGREGATE.stream(BELLA), 2L).containsEntry(Cow.AGGREGATE.stream(BRUNO), 3L)
                .containsEntry(Cow.AGGREGATE.stream(DAISY), 1L);
    }

    @Test
    void a_barn_exactly_at_capacity_is_full() {
        states.with(Cow.AGGREGATE.stream(DAISY), cowBorn(DAISY))
                .with(Cow.AGGREGATE.stream(BELLA), born(BELLA, Sex.F, MAIN_BARN))
                .with(Cow.AGGREGATE.stream(BRUNO), born(BRUNO, Sex.M, MAIN_BARN));
        Decision d = handle(RelocateAnimal.class, new RelocateAnimal(DAISY, MAIN_BARN, ON), states);
        assertThat(((Decision.Rejected) d).rejections()).extracting(Rejection::code)
                .containsExactly(ErrorCode.BARN_FULL);
    }

    @Test
    void a_barn_without_a_stream_is_unknown() {
        states.with(Cow.AGGREGATE.stream(DAISY), cowBorn(DAISY));
        Decision d = handle(RelocateAnimal.class, new RelocateAnimal(DAISY, CALF_SHED, ON), states);
        assertThat(((Decision.Rejected) d).rejections()).extracting(Rejection::code, Rejection::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ErrorCode.UNKNOWN_LOCATION, "to"));
    }

    @Test
    void a_birth_reads_the_dam_and_the_place() {
        states.with(Cow.AGGREGATE.stream(DAISY), cowBorn(DAISY));
        Decision d = handle(RegisterBirth.class,
                new RegisterBirth(CALF, "HN-1", Sex.F, "Friesian", ON, DAISY, NORTH_MEADOW), states);
        assertThat(((Decision.Accepted) d).reads()).containsOnlyKeys(Cow.AGGREGATE.stream(CALF),
                Cow.AGGREGATE.stream(DAISY), StreamId.farm("field", "north-meadow"));
    }

    @Test
    void a_tb_inspection_writes_each_tested_animal() {
        states.with(Cow.AGGREGATE.stream(DAISY), cowBorn(DAISY)).with(Cow.AGGREGATE.stream(BELLA), cowBorn(BELLA));
        Decision d = handle(RecordTBInspection.class, new RecordTBInspection("TB-9", ON, "Dr. Walsh", List.of(
                new RecordTBInspection.Result(DAISY, TbResult.CLEAR), new RecordTBInspection.Result("ie12345670029",
                        TbResult.CLEAR))), states);
        assertThat(((Decision.Accepted) d).changes()).extracting(c -> c.stream().key())
                .containsExactly(DAISY, BELLA);
    }

    @Test
    void the_directory_reports_registration_and_capacity_from_the_streams() {
        assertThat(LOCATIONS.lookUp(states, NORTH_MEADOW)).isEqualTo(LocationFacts.field("north-meadow", 1));
        assertThat(LOCATIONS.lookUp(states, MAIN_BARN)).isEqualTo(LocationFacts.barn("main-barn", 1, 2));
        assertThat(LOCATIONS.lookUp(states, Location.field("bog"))).isEqualTo(
                new LocationFacts(Location.field("bog"), 0, OptionalInt.empty()));
        assertThat(LOCATIONS.lookUp(states, Location.field("bog")).registered()).isFalse();
    }
}
