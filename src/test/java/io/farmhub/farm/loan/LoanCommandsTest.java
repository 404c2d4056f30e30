package io.farmhub.farm.loan;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.Aggregate;
import io.farmhub.core.CommandHandler;
import io.farmhub.core.Decision;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.Json;
import io.farmhub.core.Rejection;
import io.farmhub.core.StreamChange;
import io.farmhub.farm.InMemoryStreams;
import io.farmhub.farm.field.Field;
import io.farmhub.farm.field.FieldEvent.FieldRegistered;
import io.farmhub.farm.loan.LoanEvent.CollateralPledged;
import io.farmhub.farm.loan.LoanEvent.CollateralReleased;
import io.farmhub.farm.tractor.Tractor;
import io.farmhub.farm.tractor.TractorEvent.TractorRegistered;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The loan handlers read real field and tractor streams. The cow aggregate lives in another package; a
 * stand-in with the same stream names ({@code farm/cow/<earTag>}) plays it here, through the same
 * {@link AssetFacts} the real one will be wired with.
 */
class LoanCommandsTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-27");

    /** Stand-in cow: on the farm after Arrived, off after Left; folds the loan events like any asset. */
    record StandInCow(boolean onFarm, Set<String> pledgedTo) {
    }

    record Arrived(String on) implements DomainEvent {
        @Override
        public String occurredAt() {
            return on;
        }
    }

    record Left(String on) implements DomainEvent {
        @Override
        public String occurredAt() {
            return on;
        }
    }

    static final Aggregate<StandInCow> COW = new Aggregate<>("farm", "cow", new StandInCow(false, Set.of()),
            (cow, e) -> e instanceof Arrived ? new StandInCow(true, cow.pledgedTo())
                    : e instanceof Left ? new StandInCow(false, cow.pledgedTo())
                    : e instanceof LoanEvent loan ? new StandInCow(cow.onFarm(), Pledges.after(cow.pledgedTo(), loan))
                    : cow);
    static final AssetFacts<StandInCow> CATTLE = new AssetFacts<>(COW, StandInCow::onFarm, StandInCow::pledgedTo);

    static final List<CommandHandler<?>> HANDLERS = LoanCommands.handlers(CATTLE);

    @SuppressWarnings("unchecked")
    static <C> CommandHandler<C> handler(String type) {
        return (CommandHandler<C>) HANDLERS.stream().filter(h -> h.commandType().equals(type)).findFirst()
                .orElseThrow();
    }

    static InMemoryStreams farm() {
        return new InMemoryStreams()
                .with(Tractor.AGGREGATE, "JD6R155X001234",
                        new TractorRegistered("JD6R155X001234", "John Deere", "6R 155", 2024, TODAY))
                .with(Field.AGGREGATE, "north-meadow",
                        new FieldRegistered("north-meadow", "North Meadow", BigDecimal.TEN, TODAY))
                .with(COW, "IE12345670012", new Arrived("2026-01-01"))
                .with(COW, "IE12345670013", new Arrived("2026-01-01"), new Left("2026-05-01"));
    }

    static <C> Decision run(String type, String payload, InMemoryStreams streams) throws Exception {
        CommandHandler<C> handler = handler(type);
        C command = handler.normalise(Json.MAPPER.readValue(payload, handler.commandClass()));
        List<Rejection> invalid = handler.validate(command, TODAY);
        return invalid.isEmpty() ? handler.decide(command, streams, TODAY) : Decision.rejected(invalid);
    }

    @Test
    void there_are_handlers_for_both_loan_commands() {
        assertThat(HANDLERS).extracting(CommandHandler::commandType)
                .containsExactly("CollateraliseLoan", "ReleaseCollateral");
    }

    @Test
    void a_loan_document_pledges_tractors_fields_and_cattle_named_in_any_written_form() throws Exception {
        Decision decision = run("CollateraliseLoan", """
                {"loanId": "L-2026-7", "lender": "AIB", "pledgedOn": "2026-11-20",
                 "tractors": ["jd6r155x 001234"], "fields": ["North-Meadow"], "cattle": ["ie1234567 0012"]}""",
                farm());
        CollateralPledged pledged = new CollateralPledged("L-2026-7", "AIB", LocalDate.parse("2026-11-20"));
        assertThat(((Decision.Accepted) decision).changes()).containsExactly(
                new StreamChange(Tractor.AGGREGATE.stream("JD6R155X001234"), 1, List.of(pledged)),
                new StreamChange(Field.AGGREGATE.stream("north-meadow"), 1, List.of(pledged)),
                new StreamChange(COW.stream("IE12345670012"), 1, List.of(pledged)));
    }

    @Test
    void unknown_and_departed_assets_are_all_listed() throws Exception {
        Decision decision = run("CollateraliseLoan", """
                {"loanId": "L-2026-7", "lender": "AIB", "pledgedOn": "2026-11-20",
                 "tractors": ["FD724V000111"], "fields": ["south-meadow"], "cattle": ["IE12345670013"]}""",
                farm());
        assertThat(((Decision.Rejected) decision).rejections()).extracting(Rejection::code).containsExactly(
                ErrorCode.UNKNOWN_TRACTOR, ErrorCode.UNKNOWN_LOCATION, ErrorCode.ANIMAL_NOT_ON_FARM);
    }

    @Test
    void releasing_finds_every_asset_pledged_to_the_loan_across_cattle_fields_and_tractors() throws Exception {
        CollateralPledged pledged = new CollateralPledged("L-2026-7", "AIB", LocalDate.parse("2026-11-20"));
        InMemoryStreams streams = farm()
                .with(Tractor.AGGREGATE, "JD6R155X001234", pledged)
                .with(COW, "IE12345670012", pledged)
                .with(Field.AGGREGATE, "north-meadow", new CollateralPledged("L-2025-1", "BOI", TODAY));
        Decision decision = run("ReleaseCollateral", "{\"loanId\": \"L-2026-7\", \"releasedOn\": \"2026-11-27\"}",
                streams);
        CollateralReleased released = new CollateralReleased("L-2026-7", TODAY);
        Decision.Accepted accepted = (Decision.Accepted) decision;
        assertThat(accepted.changes()).containsExactlyInAnyOrder(
                new StreamChange(Tractor.AGGREGATE.stream("JD6R155X001234"), 2, List.of(released)),
                new StreamChange(COW.stream("IE12345670012"), 2, List.of(released)));
        assertThat(accepted.reads()).containsOnlyKeys(Tractor.AGGREGATE.stream("JD6R155X001234"),
                COW.stream("IE12345670012"));
    }

    @Test
    void releasing_an_unknown_loan_is_rejected() throws Exception {
        Decision decision = run("ReleaseCollateral", "{\"loanId\": \"L-404\", \"releasedOn\": \"2026-11-27\"}",
                farm());
        assertThat(((Decision.Rejected) decision).rejections()).extracting(Rejection::code)
                .containsExactly(ErrorCode.UNKNOWN_LOAN);
    }
}
