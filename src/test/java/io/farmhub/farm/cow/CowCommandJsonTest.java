package io.farmhub.farm.cow;

import static io.farmhub.farm.cow.Herd.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.farmhub.core.Json;
import io.farmhub.farm.cow.CowCommand.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Payloads as interfaces.md writes them read into the command records the pipeline hands to the handlers. */
class CowCommandJsonTest {

    private static <C> C read(String json, Class<C> type) throws JsonProcessingException {
        return Json.MAPPER.readValue(json, type);
    }

    @Test
    void a_movement_payload_reads_with_its_location_normalised() throws JsonProcessingException {
        assertThat(read("{\"earTag\": \"IE12345670012\", \"to\": \"Field:North-Meadow\", \"movedOn\": \"2026-11-20\"}",
                RelocateAnimal.class)).isEqualTo(new RelocateAnimal(DAISY, NORTH_MEADOW, LocalDate.of(2026, 11, 20)));
    }

    @Test
    void a_sale_payload_reads_its_price_as_a_decimal() throws JsonProcessingException {
        RecordSale sale = read("{\"earTag\": \"IE12345670012\", \"soldOn\": \"2026-11-20\", \"buyer\": \"Mart Ltd\","
                + " \"price\": {\"amount\": \"1250.00\", \"currency\": \"EUR\"}}", RecordSale.class);
        assertThat(sale.price()).isEqualTo(PRICE);
    }

    @Test
    void a_tb_sheet_and_a_milking_read() throws JsonProcessingException {
        RecordTBInspection sheet = read("{\"inspectionId\": \"TB-1\", \"testedOn\": \"2026-11-24\", \"vet\": \"Dr. Walsh\","
                + " \"results\": [{\"earTag\": \"IE12345670012\", \"result\": \"CLEAR\"}]}", RecordTBInspection.class);
        assertThat(sheet.results()).containsExactly(new RecordTBInspection.Result(DAISY, TbResult.CLEAR));
        RecordMilking milking = read("{\"earTag\": \"IE12345670012\", \"milkedAt\": \"2026-11-26T06:12:00Z\","
                + " \"litres\": 12.4}", RecordMilking.class);
        assertThat(milking).isEqualTo(new RecordMilking(DAISY, Instant.parse("2026-11-26T06:12:00Z"),
                new BigDecimal("12.4")));
    }

    @Test
    void a_birth_without_a_dam_reads_with_none() throws JsonProcessingException {
        RegisterBirth birth = read("{\"earTag\": \"IE12345670036\", \"herdNumber\": \"HN-1\", \"sex\": \"M\","
                + " \"breed\": \"Angus\", \"bornOn\": \"2026-11-20\", \"location\": \"barn:calf-shed\"}",
                RegisterBirth.class);
        assertThat(birth.damEarTag()).isNull();
        assertThat(CowDecider.validate(birth, TODAY)).isEmpty();
        assertThat(List.of(birth.sex(), birth.location())).containsExactly(Sex.M, CALF_SHED);
    }

    @Test
    void a_place_that_is_neither_field_nor_barn_fails_to_read_at_its_path() {
        // The pipeline turns this parse failure into MALFORMED with the JSON path ("to").
        assertThatThrownBy(() -> read("{\"earTag\": \"IE12345670012\", \"to\": \"paddock:x\"}", RelocateAnimal.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("\"to\"");
    }
}
