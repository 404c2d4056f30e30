package io.farmhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Every domain error code a command sent over the API can end with: the command is accepted (202), ends
 * INVALID with the code and the field, and the rejection is in {@code GET /api/errors}. (UNKNOWN_COMMAND,
 * MALFORMED bodies, FORBIDDEN, QUOTA_EXCEEDED, TOO_LARGE and CONFLICT are answered synchronously: see
 * InputLimitsApiTest, SecurityApiTest and CommandApiTest.)
 */
class ErrorCodesApiTest extends ApiTestBase {

    static String tag() {
        return "IE" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }

    static String slug() {
        return "e-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String chassis() {
        return "EC" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
    }

    @Test
    void cow_rules() {
        String field = field();
        String cow = tag();
        ok("RecordPurchase", purchase(cow, "F", "field:" + field));
        rejected("RegisterBirth", birth(cow, "2026-01-01", "field:" + field), "ANIMAL_EXISTS", "earTag");
        rejected("RecordPurchase", purchase(tag(), "F", "field:nowhere-" + slug()), "UNKNOWN_LOCATION", "location");
        rejected("RegisterBirth", birth(tag(), LocalDate.now(ZoneOffset.UTC).plusDays(2).toString(), "field:" + field),
                "DATE_IN_FUTURE", "bornOn");
        rejected("RecordPurchase", purchase(cow, "F", "field:" + field), "ANIMAL_ON_FARM", "earTag");
        rejected("RecordSale", "{\"earTag\":\"" + tag() + "\",\"soldOn\":\"2026-11-20\",\"buyer\":\"Mart\","
                + "\"price\":{\"amount\":\"900.00\",\"currency\":\"EUR\"}}", "ANIMAL_NOT_ON_FARM", "earTag");
        rejected("RelocateAnimal", "{\"earTag\":\"" + cow + "\",\"to\":\"field:" + field
                + "\",\"movedOn\":\"2026-11-20\"}", "ALREADY_THERE", "to");
        String bull = tag();
        ok("RecordPurchase", purchase(bull, "M", "field:" + field));
        rejected("RecordAIVisit", "{\"earTag\":\"" + bull + "\",\"servedOn\":\"2026-11-20\",\"technician\":\"Pat\","
                + "\"sireCode\":\"HO-1\"}", "NOT_FEMALE", "earTag");
        rejected("RecordMilking", "{\"earTag\":\"" + cow + "\",\"milkedAt\":\"2026-11-20T06:00:00Z\",\"litres\":90}",
                "OUT_OF_RANGE", "litres");
        rejected("RelocateAnimal", "{\"earTag\":\"not a tag\",\"to\":\"field:" + field
                + "\",\"movedOn\":\"2026-11-20\"}", "MALFORMED", "earTag");
    }

    @Test
    void a_full_barn_takes_no_more_animals() {
        String barn = slug();
        String field = field();
        ok("RegisterBarn", "{\"barnCode\":\"" + barn + "\",\"name\":\"Small\",\"capacity\":1}");
        ok("RecordPurchase", purchase(tag(), "F", "barn:" + barn));
        String second = tag();
        ok("RecordPurchase", purchase(second, "F", "field:" + field));
        rejected("RelocateAnimal", "{\"earTag\":\"" + second + "\",\"to\":\"barn:" + barn
                + "\",\"movedOn\":\"2026-11-20\"}", "BARN_FULL", "to");
        rejected("RegisterBarn", "{\"barnCode\":\"" + barn + "\",\"name\":\"Again\",\"capacity\":5}",
                "BARN_EXISTS", "barnCode");
    }

    @Test
    void field_rules() {
        String field = field();
        rejected("RegisterField", "{\"fieldCode\":\"" + field + "\",\"name\":\"Again\",\"areaHectares\":2}",
                "FIELD_EXISTS", "fieldCode");
        rejected("HarvestCrop", "{\"fieldCode\":\"" + field + "\",\"harvestedOn\":\"2026-08-01\",\"yieldTonnes\":3}",
                "NO_CROP", "fieldCode");
        ok("SowCrop", "{\"fieldCode\":\"" + field + "\",\"crop\":\"barley\",\"sownOn\":\"2026-03-01\"}");
        rejected("SowCrop", "{\"fieldCode\":\"" + field + "\",\"crop\":\"oats\",\"sownOn\":\"2026-03-02\"}",
                "CROP_STANDING", "fieldCode");
    }

    @Test
    void tractor_and_loan_rules() {
        String tractor = tractor();
        rejected("RegisterTractor", "{\"chassisNumber\":\"" + tractor + "\",\"make\":\"Fendt\",\"model\":\"724\","
                + "\"year\":2020}", "TRACTOR_EXISTS", "chassisNumber");
        ok("RecordTractorService", service(tractor, 100));
        rejected("RecordTractorService", service(tractor, 50), "HOURS_DECREASED", "engineHours");
        rejected("RecordTractorService", service(chassis(), 10), "UNKNOWN_TRACTOR", "chassisNumber");
        ok("CollateraliseLoan", loan("L-" + slug(), tractor));
        rejected("CollateraliseLoan", loan("L-" + slug(), tractor), "ALREADY_PLEDGED", "tractors");
        rejected("ReleaseCollateral", "{\"loanId\":\"L-" + slug() + "\",\"releasedOn\":\"2026-11-20\"}",
                "UNKNOWN_LOAN", "loanId");
    }

    String field() {
        String code = slug();
        ok("RegisterField", "{\"fieldCode\":\"" + code + "\",\"name\":\"Test\",\"areaHectares\":3}");
        return code;
    }

    String tractor() {
        String chassis = chassis();
        ok("RegisterTractor", "{\"chassisNumber\":\"" + chassis + "\",\"make\":\"Fendt\",\"model\":\"724\","
                + "\"year\":2020}");
        return chassis;
    }

    static String purchase(String earTag, String sex, String location) {
        return "{\"earTag\":\"" + earTag + "\",\"herdNumber\":\"H1\",\"sex\":\"" + sex + "\",\"breed\":\"Angus\","
                + "\"bornOn\":\"2024-01-01\",\"purchasedOn\":\"2026-11-02\",\"seller\":\"Kelly\","
                + "\"price\":{\"amount\":\"1000.00\",\"currency\":\"EUR\"},\"location\":\"" + location + "\"}";
    }

    static String birth(String earTag, String bornOn, String location) {
        return "{\"earTag\":\"" + earTag + "\",\"herdNumber\":\"H1\",\"sex\":\"F\",\"breed\":\"Angus\","
                + "\"bornOn\":\"" + bornOn + "\",\"location\":\"" + location + "\"}";
    }

    static String service(String chassis, int hours) {
        return "{\"chassisNumber\":\"" + chassis + "\",\"servicedOn\":\"2026-11-10\",\"engineHours\":" + hours
                + ",\"workDone\":\"oil\"}";
    }

    static String loan(String loanId, String tractor) {
        return "{\"loanId\":\"" + loanId + "\",\"lender\":\"Bank\",\"pledgedOn\":\"2026-11-20\",\"tractors\":[\""
                + tractor + "\"],\"fields\":[],\"cattle\":[]}";
    }

    JsonNode submit(String type, String payload) {
        String commandId = "codes-" + UUID.randomUUID();
        HttpResponse<String> response = hub.post("/api/commands", MARY, HubClient.command(type, commandId, payload));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return awaitTerminal(commandId);
    }

    void ok(String type, String payload) {
        JsonNode status = submit(type, payload);
        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("COMPLETED");
    }

    void rejected(String type, String payload, String code, String field) {
        JsonNode status = submit(type, payload);
        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("INVALID");
        JsonNode error = status.path("errors").get(0);
        assertThat(error.path("code").asText()).as(status.toString()).isEqualTo(code);
        assertThat(error.path("field").asText()).as(status.toString()).startsWith(field);
        assertThat(error.path("message").asText()).isNotBlank();
        String commandId = status.path("commandId").asText();
        JsonNode errors = HubClient.json(hub.get("/api/errors?limit=1000", MARY)).path("errors");
        assertThat(StreamSupport.stream(errors.spliterator(), false)
                .filter(e -> e.path("commandId").asText().equals(commandId))
                .map(e -> e.path("code").asText()))
                .as("command-errors of " + commandId).contains(code);
    }
}
