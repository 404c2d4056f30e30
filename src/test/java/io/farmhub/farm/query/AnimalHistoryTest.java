package io.farmhub.farm.query;

import static io.farmhub.farm.query.ExampleFarm.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.StreamId;
import io.farmhub.farm.cow.CowEvent;
import io.farmhub.farm.query.AnimalHistory.Entry;
import io.farmhub.farm.query.AnimalHistory.History;
import io.farmhub.farm.query.AnimalHistory.Provenance;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** animal-history over the example story: each event of one animal with the command, who and where from. */
class AnimalHistoryTest {

    static final FarmStory FARM = ExampleFarm.story();
    static final AnimalHistory QUERY = new AnimalHistory();

    @Test
    void the_bulls_life_here_is_a_purchase_a_tb_test_and_a_sale_each_from_its_document_row() {
        QueryResult<History> result = FARM.ask(QUERY, TODAY, "earTag", HEREFORD_BULL);
        History history = result.result();

        assertThat(history.earTag()).isEqualTo(HEREFORD_BULL);
        assertThat(history.events()).extracting(Entry::version, Entry::eventType, Entry::occurredAt,
                Entry::recordedAt, Entry::provenance).containsExactly(
                tuple(1L, "AnimalPurchased", "2026-10-05",
                        Instant.parse("2026-10-06T08:30:00Z"), new Provenance(PURCHASES + ":3", "mary",
                                "inbox:mary/02-purchase-receipt.csv#3")),
                tuple(2L, "TBTestRecorded", "2026-11-13",
                        Instant.parse("2026-11-14T09:00:00Z"), new Provenance(TB_SHEET + ":2", "mary",
                                "inbox:mary/04-tb-test-sheet.csv#3")),
                tuple(3L, "AnimalSold", "2026-11-20",
                        Instant.parse("2026-11-21T09:00:00Z"), new Provenance(SALE + ":1", "mary",
                                "inbox:mary/06-sale-receipt.csv#1")));
        assertThat(history.events().get(2).data().get("buyer").asText()).isEqualTo("Midlands Beef Ltd");
        assertThat(history.events().get(2).data().get("price").get("amount").asText()).isEqualTo("1105.00");
        assertThat(result.sourceVersions()).containsExactly(entry("farm/cow/" + HEREFORD_BULL, 3L));
    }

    @Test
    void a_pledge_and_sensor_readings_are_part_of_the_history_with_their_own_sources() {
        assertThat(FARM.ask(QUERY, TODAY, "earTag", "ie2201334-0008").result().events())
                .extracting(Entry::eventType, e -> e.provenance().source(), e -> e.provenance().who())
                .containsExactly(
                        tuple("AnimalPurchased", "inbox:mary/02-purchase-receipt.csv#2",
                                "mary"),
                        tuple("AnimalRelocated", "inbox:mary/03-movement-form.csv#2",
                                "mary"),
                        tuple("TBTestRecorded", "inbox:mary/04-tb-test-sheet.csv#1",
                                "mary"),
                        tuple("CollateralPledged", "inbox:mary/07-loan.json#1", "mary"),
                        tuple("MilkRecorded", "sensor:parlour-3", "gate-7"),
                        tuple("MilkRecorded", "sensor:parlour-3", "gate-7"));
    }

    @Test
    void the_ear_tag_is_read_in_any_written_form() {
        QueryResult<History> result = FARM.ask(QUERY, TODAY, "earTag", "IE2201334 0007");
        assertThat(result.result().earTag()).isEqualTo(FRIESIAN);
        assertThat(result.parameters()).containsEntry("earTag", FRIESIAN);
        assertThat(result.result().events().get(3).provenance().command())
                .isEqualTo("sensor:parlour-3:2026-11-26T05:48:00Z");
    }

    @Test
    void an_animal_never_seen_has_no_history_and_its_stream_is_named_at_version_0() {
        QueryResult<History> result = FARM.ask(QUERY, TODAY, "earTag", "IE99999990001");
        assertThat(result.result().events()).isEmpty();
        assertThat(result.sourceVersions()).containsExactly(entry("farm/cow/IE99999990001", 0L));
    }

    @Test
    void only_the_animals_own_stream_is_read() {
        AnimalHistory.Parameters parameters = new AnimalHistory.Parameters(JERSEY, Bitemporal.asOf(TODAY));
        assertThat(QUERY.streams(parameters)).isEqualTo(StreamSelection.only(StreamId.farm("cow", JERSEY)));
    }

    @Test
    void an_event_stored_in_an_older_schema_is_shown_in_the_current_one() {
        // A later build, where AnimalSold is at schema version 2 and its data names the buyer "soldTo".
        EventTypeRegistry upcasting = new EventTypeRegistry()
                .register("AnimalPurchased", 1, CowEvent.AnimalPurchased.class)
                .register("TBTestRecorded", 1, CowEvent.TBTestRecorded.class)
                .register("AnimalSold", 2, CowEvent.AnimalSold.class)
                .upcaster("AnimalSold", 1, data -> ((ObjectNode) data).set("soldTo", data.get("buyer")));
        FarmStreams stored = new FarmStreams(upcasting, FARM.streams().envelopes());

        History history = QUERY.run(new AnimalHistory.Parameters(HEREFORD_BULL, Bitemporal.asOf(TODAY)), stored)
                .result();
        assertThat(history.events().get(2).data().get("soldTo").asText()).isEqualTo("Midlands Beef Ltd");
    }
}
