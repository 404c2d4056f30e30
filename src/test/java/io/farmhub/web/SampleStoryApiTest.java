package io.farmhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The sample story of shared/samples (set-up, purchase, move, TB test, service, loan), told over the REST API
 * as JSON commands, each by the role that would send it, then read back from the streams.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleStoryApiTest extends ApiTestBase {

    static final String COW_1 = "IE12345670012";
    static final String COW_2 = "IE12345670013";
    static final String BULL = "IE76543210101";
    static final String TRACTOR = "JD6R155X001234";

    @Test
    @Order(1)
    void set_up_registers_two_fields_a_barn_and_a_tractor() {
        completes(MARY, "RegisterField", "story-setup-1",
                "{\"fieldCode\": \"north-meadow\", \"name\": \"North Meadow\", \"areaHectares\": 12.5}");
        completes(MARY, "RegisterField", "story-setup-2",
                "{\"fieldCode\": \"river-field\", \"name\": \"River Field\", \"areaHectares\": 8.0}");
        completes(MARY, "RegisterBarn", "story-setup-3",
                "{\"barnCode\": \"main-barn\", \"name\": \"Main Barn\", \"capacity\": 40}");
        completes(MARY, "RegisterTractor", "story-setup-4", "{\"chassisNumber\": \"" + TRACTOR
                + "\", \"make\": \"John Deere\", \"model\": \"6R 155\", \"year\": 2021}");
    }

    @Test
    @Order(2)
    void the_purchase_receipt_buys_three_animals() {
        completes(MARY, "RecordPurchase", "story-purchase-1", purchase("IE1234567 0012", "F", "Holstein Friesian",
                "2023-03-14", "1450.00", "field:north-meadow"));
        completes(MARY, "RecordPurchase", "story-purchase-2", purchase("IE1234567 0013", "F", "Holstein Friesian",
                "2023-04-01", "1420.00", "field:north-meadow"));
        completes(MARY, "RecordPurchase", "story-purchase-3", purchase("IE7654321 0101", "M", "Angus",
                "2024-01-20", "980.00", "barn:main-barn"));
        assertThat(eventTypes("/api/streams/cow/IE1234567%200012")).containsExactly("AnimalPurchased");
    }

    @Test
    @Order(3)
    void the_herdsperson_moves_two_animals() {
        completes(HANK, "RelocateAnimal", "story-move-1",
                "{\"earTag\": \"" + COW_1 + "\", \"to\": \"barn:main-barn\", \"movedOn\": \"2026-11-20\"}");
        completes(HANK, "RelocateAnimal", "story-move-2",
                "{\"earTag\": \"" + COW_2 + "\", \"to\": \"field:river-field\", \"movedOn\": \"2026-11-21\"}");
        JsonNode moved = HubClient.json(hub.get("/api/streams/cow/" + COW_1, MARY)).path("events").get(1);
        assertThat(moved.path("eventType").asText()).isEqualTo("AnimalRelocated");
        assertThat(moved.path("data").path("from").asText()).isEqualTo("field:north-meadow");
        assertThat(moved.path("data").path("to").asText()).isEqualTo("barn:main-barn");
        assertThat(moved.path("who").asText()).isEqualTo("hank");
        assertThat(moved.path("source").asText()).isEqualTo("api:hank");
        // As of the day before the move, the cow had only been bought.
        assertThat(eventTypes("/api/streams/cow/" + COW_1 + "?asOf=2026-11-19")).containsExactly("AnimalPurchased");
    }

    @Test
    @Order(4)
    void the_vet_records_the_tb_inspection_on_every_animal() {
        JsonNode status = completes(VIC, "RecordTBInspection", "story-tb-2026-11",
                "{\"inspectionId\": \"TB-2026-11\", \"testedOn\": \"2026-11-25\", \"vet\": \"Dr. Aoife Byrne\","
                        + " \"results\": [{\"earTag\": \"" + COW_1 + "\", \"result\": \"CLEAR\"},"
                        + " {\"earTag\": \"" + COW_2 + "\", \"result\": \"CLEAR\"},"
                        + " {\"earTag\": \"" + BULL + "\", \"result\": \"INCONCLUSIVE\"}]}");
        assertThat(status.path("events").findValues("stream").stream().map(JsonNode::asText))
                .containsExactlyInAnyOrder("farm/cow/" + COW_1, "farm/cow/" + COW_2, "farm/cow/" + BULL);
        assertThat(eventTypes("/api/streams/cow/" + BULL)).containsExactly("AnimalPurchased", "TBTestRecorded");
    }

    @Test
    @Order(5)
    void the_contractor_records_the_tractor_service() {
        completes(JOE, "RecordTractorService", "story-service-1", "{\"chassisNumber\": \"" + TRACTOR
                + "\", \"servicedOn\": \"2026-11-10\", \"engineHours\": 1520,"
                + " \"workDone\": \"Oil and filters, front axle greased\"}");
        assertThat(eventTypes("/api/streams/tractor/" + TRACTOR)).containsExactly("TractorRegistered", "TractorServiced");
    }

    @Test
    @Order(6)
    void the_loan_pledges_a_tractor_a_field_and_a_cow_which_then_cannot_be_sold() {
        JsonNode status = completes(MARY, "CollateraliseLoan", "loan-2026-ab-001",
                "{\"loanId\": \"AB-2026-001\", \"lender\": \"Rural Credit Union\", \"pledgedOn\": \"2026-11-26\","
                        + " \"tractors\": [\"" + TRACTOR + "\"], \"fields\": [\"river-field\"], \"cattle\": [\""
                        + COW_2 + "\"]}");
        assertThat(status.path("events").size()).isEqualTo(3);
        assertThat(eventTypes("/api/streams/field/river-field")).last().isEqualTo("CollateralPledged");
        assertThat(eventTypes("/api/streams/cow/" + COW_2)).last().isEqualTo("CollateralPledged");

        hub.post("/api/commands", MARY, HubClient.command("RecordSale", "story-sale-pledged", "{\"earTag\": \""
                + COW_2 + "\", \"soldOn\": \"2026-11-26\", \"buyer\": \"Mart\","
                + " \"price\": {\"amount\": \"1500.00\", \"currency\": \"EUR\"}}"));
        JsonNode refused = awaitTerminal("story-sale-pledged");
        assertThat(refused.path("state").asText()).isEqualTo("INVALID");
        assertThat(refused.path("errors").get(0).path("code").asText()).isEqualTo("ANIMAL_PLEDGED");
    }

    static String purchase(String earTag, String sex, String breed, String bornOn, String price, String location) {
        return "{\"earTag\": \"" + earTag + "\", \"herdNumber\": \"H123456\", \"sex\": \"" + sex + "\", \"breed\": \""
                + breed + "\", \"bornOn\": \"" + bornOn + "\", \"purchasedOn\": \"2026-11-02\","
                + " \"seller\": \"Kelly Livestock\", \"price\": {\"amount\": \"" + price
                + "\", \"currency\": \"EUR\"}, \"location\": \"" + location + "\"}";
    }

    JsonNode completes(String key, String type, String commandId, String payload) {
        HttpResponse<String> response = hub.post("/api/commands", key, HubClient.command(type, commandId, payload));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode status = awaitTerminal(commandId);
        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("COMPLETED");
        return status;
    }

    List<String> eventTypes(String path) {
        JsonNode events = HubClient.json(hub.get(path, MARY)).path("events");
        return StreamSupport.stream(events.spliterator(), false).map(e -> e.path("eventType").asText()).toList();
    }
}
