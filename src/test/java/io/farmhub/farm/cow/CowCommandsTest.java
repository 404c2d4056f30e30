package io.farmhub.farm.cow;

import static io.farmhub.farm.cow.Herd.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import java.util.Map;
import java.math.BigDecimal;
import io.farmhub.farm.Farm;
import io.farmhub.farm.barn.Barn;
import io.farmhub.farm.barn.BarnEvent;
import io.farmhub.farm.field.Field;
import io.farmhub.farm.field.FieldEvent;
import org.junit.jupiter.api.Test;

/**
 * The handlers as the pipeline uses them: each reads through StreamStates (here in memory) what its decision
 * needs, including field and barn streams through a {@link StreamLocationDirectory} wired as the catalog wires
 * it (the barn's own capacity rule over the barn's stream).
 */
class CowCommandsTest {

    private static final LocationDirectory LOCATIONS = new StreamLocationDirectory<>(Field.AGGREGATE,
            Barn.AGGREGATE, Farm::barnPlaces);
    private static final LocalDate ON = LocalDate.of(2026, 11, 20);
    private static final StreamId MAIN_BARNS_STREAM = StreamId.farm("barn", "main-barn");

    private final InMemoryStreams states = new InMemoryStreams()
            .with(StreamId.farm("field", "north-meadow"),
                    new FieldEvent.FieldRegistered("north-meadow", "North Meadow", BigDecimal.TEN, ON))
            .with(MAIN_BARNS_STREAM, new BarnEvent.BarnRegistered("main-barn", "Main barn", 2, ON));

    @SuppressWarnings("unchecked")
    private static <C> CommandHandler<C> handler(Class<C> type) {
        return (CommandHandler<C>) CowCommands.handlers(LOCATIONS).stream()
                .filter(h -> h.commandClass() == type).findFirst().orElseThrow();
    }

    /** As the pipeline runs a command: normalise, validate (once), then decide. */
    private static <C> Decision handle(Class<C> type, C command, InMemoryStreams states) {
        CommandHandler<C> h = handler(type);
        C normal = h.normalise(command);
        List<Rejection> invalid = h.validate(normal, TODAY);
        return invalid.isEmpty() ? h.decide(normal, states, TODAY) : Decision.rejected(invalid);
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

    /** Bella and Bruno moved in through their own commands, so the barn's stream holds their places. */
    private void bellaAndBrunoMoveIn() {
        states.with(Cow.AGGREGATE.stream(DAISY), cowBorn(DAISY)).with(Cow.AGGREGATE.stream(BELLA), cowBorn(BELLA))
                .with(Cow.AGGREGATE.stream(BRUNO), bullBorn(BRUNO));
        for (String tag : List.of(BELLA, BRUNO)) {
            Decision d = handle(RelocateAnimal.class, new RelocateAnimal(tag, MAIN_BARN, ON), states);
            states.append((Decision.Accepted) d, io.farmhub.farm.StoredEvents.DEFAULT);
        }
    }

    @Test
    void a_barn_with_room_for_one_more_takes_her_and_only_her_stream_and_the_barns_are_read() {
        states.with(Cow.AGGREGATE.stream(DAISY), cowBorn(DAISY)).with(Cow.AGGREGATE.stream(BELLA), cowBorn(BELLA),
                moved(BELLA, NORTH_MEADOW, Location.field("south-field"), ON));
        Decision d = handle(RelocateAnimal.class, new RelocateAnimal(DAISY, MAIN_BARN, ON), states);

        assertThat(d).isInstanceOf(Decision.Accepted.class);
        assertThat(((Decision.Accepted) d).reads()).as("no herd scan: the barn's own stream decides")
                .containsOnly(Map.entry(MAIN_BARNS_STREAM, 1L), Map.entry(Cow.AGGREGATE.stream(DAISY), 1L));
        assertThat(((Decision.Accepted) d).changes()).extracting(c -> c.stream())
                .containsExactly(Cow.AGGREGATE.stream(DAISY), MAIN_BARNS_STREAM);
    }

    @Test
    void a_barn_exactly_at_capacity_is_full() {
        bellaAndBrunoMoveIn();
        Decision d = handle(RelocateAnimal.class, new RelocateAnimal(DAISY, MAIN_BARN, ON), states);
        assertThat(((Decision.Rejected) d).rejections()).extracting(Rejection::code)
                .containsExactly(ErrorCode.BARN_FULL);
    }

    @Test
    void a_sale_gives_the_place_back_and_the_barn_takes_the_next_animal() {
        bellaAndBrunoMoveIn();
        Decision sale = handle(RecordSale.class, new RecordSale(BRUNO, ON, "Mart", PRICE), states);
        assertThat(((Decision.Accepted) sale).changes()).extracting(c -> c.stream(), c -> c.expectedVersion())
                .containsExactly(tuple(Cow.AGGREGATE.stream(BRUNO), 2L), tuple(MAIN_BARNS_STREAM, 3L));
        states.append((Decision.Accepted) sale, io.farmhub.farm.StoredEvents.DEFAULT);

        Decision move = handle(RelocateAnimal.class, new RelocateAnimal(DAISY, MAIN_BARN, ON), states);
        assertThat(((Decision.Accepted) move).allEvents()).contains(new BarnEvent.AnimalHoused("main-barn", DAISY, ON));
    }

    @Test
    void a_move_between_barns_reads_the_barn_she_leaves() {
        states.with(StreamId.farm("barn", "calf-shed"), new BarnEvent.BarnRegistered("calf-shed", "Calf shed", 4, ON))
                .with(Cow.AGGREGATE.stream(DAISY), cowBorn(DAISY));
        Decision toShed = handle(RelocateAnimal.class, new RelocateAnimal(DAISY, CALF_SHED, ON), states);
        states.append((Decision.Accepted) toShed, io.farmhub.farm.StoredEvents.DEFAULT);
        Decision d = handle(RelocateAnimal.class, new RelocateAnimal(DAISY, MAIN_BARN, ON.plusDays(1)), states);
        assertThat(((Decision.Accepted) d).changes()).extracting(c -> c.stream(), c -> c.expectedVersion())
                .containsExactly(tuple(Cow.AGGREGATE.stream(DAISY), 2L), tuple(MAIN_BARNS_STREAM, 1L),
                        tuple(StreamId.farm("barn", "calf-shed"), 2L));
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
    void the_directory_reports_registration_and_the_barns_places_from_the_streams() {
        assertThat(LOCATIONS.lookUp(states, NORTH_MEADOW)).isEqualTo(LocationFacts.field("north-meadow", 1));
        LocationFacts barn = LOCATIONS.lookUp(states, MAIN_BARN);
        assertThat(barn.version()).isEqualTo(1);
        assertThat(barn.barn()).isPresent();
        assertThat(LOCATIONS.lookUp(states, Location.field("bog"))).isEqualTo(LocationFacts.unregistered(
                Location.field("bog")));
        assertThat(LOCATIONS.lookUp(states, Location.field("bog")).registered()).isFalse();
        assertThat(LOCATIONS.lookUp(states, CALF_SHED).barn()).as("an unregistered barn has no places").isEmpty();
    }
}
