package io.farmhub.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.StreamId;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The real farm handlers ({@link FarmCommandCatalog}) through the pipeline: a barn, a field, a cow, a loan. */
class FarmCommandsPipelineTest extends PipelineTestBase {

    private CommandStatus run(String commandType, String payload, CommandState expected) {
        String id = id();
        gateway.submit(new CommandRequest(commandType, id, json(payload), "mary", CommandSource.api("mary")));
        return awaitState(id, expected);
    }

    @Test
    void a_cow_bought_into_a_barn_is_moved_to_a_registered_field_and_pledged_with_it() {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        String earTag = "IE" + suffix;
        String spacedTag = "ie " + suffix.substring(0, 4) + "-" + suffix.substring(4);
        String barn = "shed-" + suffix;
        String field = "meadow-" + suffix;

        run("RegisterBarn", "{\"barnCode\":\"" + barn + "\",\"name\":\"Calf shed\",\"capacity\":4}",
                CommandState.COMPLETED);
        CommandStatus purchased = run("RecordPurchase", "{\"earTag\":\"" + spacedTag + "\",\"herdNumber\":\"H1\","
                + "\"sex\":\"F\",\"breed\":\"Friesian\",\"bornOn\":\"2024-03-01\",\"purchasedOn\":\"2026-11-01\","
                + "\"seller\":\"Joe\",\"price\":{\"amount\":\"1250.00\",\"currency\":\"EUR\"},"
                + "\"location\":\"barn:" + barn + "\"}", CommandState.COMPLETED);
        // The place is taken first (where streams are written one by one, a refusal there writes nothing else).
        assertThat(purchased.events()).as("her place in the barn is taken on the barn's stream").containsExactly(
                new CommandStatus.AppendedEvent("farm/barn/" + barn, 2, "AnimalHoused"),
                new CommandStatus.AppendedEvent("farm/cow/" + earTag, 1, "AnimalPurchased"));

        CommandStatus nowhere = run("RelocateAnimal", "{\"earTag\":\"" + earTag + "\",\"to\":\"field:" + field
                + "\",\"movedOn\":\"2026-11-20\"}", CommandState.INVALID);
        assertThat(nowhere.errors()).extracting(CommandStatus.Error::code).containsExactly("UNKNOWN_LOCATION");
        CommandStatus malformed = run("RelocateAnimal", "{\"earTag\":\"" + earTag + "\",\"to\":\"the moon\","
                + "\"movedOn\":\"2026-11-20\"}", CommandState.INVALID);
        assertThat(malformed.errors()).extracting(CommandStatus.Error::code, CommandStatus.Error::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MALFORMED", "to"));

        run("RegisterField", "{\"fieldCode\":\"" + field + "\",\"name\":\"North meadow\",\"areaHectares\":\"12.5\"}",
                CommandState.COMPLETED);
        CommandStatus moved = run("RelocateAnimal", "{\"earTag\":\"" + earTag + "\",\"to\":\"field:" + field
                + "\",\"movedOn\":\"2026-11-20\"}", CommandState.COMPLETED);
        assertThat(moved.events()).as("moving out of the barn gives her place back").containsExactly(
                new CommandStatus.AppendedEvent("farm/cow/" + earTag, 2, "AnimalRelocated"),
                new CommandStatus.AppendedEvent("farm/barn/" + barn, 3, "AnimalLeftBarn"));

        CommandStatus pledged = run("CollateraliseLoan", "{\"loanId\":\"L-" + suffix + "\",\"lender\":\"Bank\","
                + "\"pledgedOn\":\"2026-11-21\",\"tractors\":[],\"fields\":[\"" + field + "\"],\"cattle\":[\""
                + earTag + "\"]}", CommandState.COMPLETED);
        assertThat(pledged.events()).extracting(CommandStatus.AppendedEvent::stream, CommandStatus.AppendedEvent::eventType)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("farm/cow/" + earTag, "CollateralPledged"),
                        org.assertj.core.groups.Tuple.tuple("farm/field/" + field, "CollateralPledged"));
        assertWellFormed(store.read(StreamId.farm("cow", earTag)));
        assertWellFormed(store.read(StreamId.farm("field", field)));

        CommandStatus twice = run("CollateraliseLoan", "{\"loanId\":\"M-" + suffix + "\",\"lender\":\"Bank\","
                + "\"pledgedOn\":\"2026-11-22\",\"cattle\":[\"" + earTag + "\"]}", CommandState.INVALID);
        assertThat(twice.errors()).extracting(CommandStatus.Error::code).containsExactly("ALREADY_PLEDGED");
    }
}
