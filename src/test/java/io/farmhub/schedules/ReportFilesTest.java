package io.farmhub.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.Json;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportFilesTest {

    @Test
    void a_result_list_is_a_table_with_nested_objects_as_dotted_columns() throws Exception {
        var result = Json.MAPPER.readTree("""
                [{"earTag": "IE22013340007", "lastTest": {"testedOn": "2025-10-01", "result": "CLEAR"}},
                 {"earTag": "IE93104420015", "lastTest": null, "location": "barn:calf-shed, north"}]""");

        assertThat(new String(ReportFiles.csv(result), StandardCharsets.UTF_8)).isEqualTo("""
                earTag,lastTest.testedOn,lastTest.result,lastTest,location\r
                IE22013340007,2025-10-01,CLEAR,,\r
                IE93104420015,,,,"barn:calf-shed, north"\r
                """);
    }

    @Test
    void an_object_holding_one_list_is_the_table_of_that_list() throws Exception {
        var due = Json.MAPPER.readTree("{\"animals\": [{\"earTag\": \"IE1\"}, {\"earTag\": \"IE2\"}]}");
        assertThat(ReportFiles.rows(due)).hasSize(2);
        assertThat(new String(ReportFiles.csv(due), StandardCharsets.UTF_8)).isEqualTo("earTag\r\nIE1\r\nIE2\r\n");
    }

    @Test
    void a_single_object_is_one_row_lists_are_json_and_an_empty_result_an_empty_file() throws Exception {
        var summary = Json.MAPPER.readTree("{\"cowsOnFarm\": 12, \"bySex\": {\"F\": 9, \"M\": 3}, \"alerts\": [\"calf-shed\"]}");
        assertThat(new String(ReportFiles.csv(summary), StandardCharsets.UTF_8)).isEqualTo("""
                cowsOnFarm,bySex.F,bySex.M,alerts\r
                12,9,3,"[""calf-shed""]"\r
                """);
        assertThat(ReportFiles.csv(Json.MAPPER.readTree("[]"))).isEmpty();
        assertThat(ReportFiles.csv(Json.MAPPER.readTree("{\"animals\": []}"))).isEmpty();
    }

    @Test
    void the_herd_register_is_asked_about_the_last_day_of_the_previous_month() {
        assertThat(ScheduledReport.HERD_REGISTER_REPORT.asOf(LocalDate.parse("2026-03-01")))
                .isEqualTo(LocalDate.parse("2026-02-28"));
        assertThat(ScheduledReport.TB_TEST_INSPECTION.parameters(LocalDate.parse("2026-11-27")))
                .containsEntry("asOf", "2026-11-27");
        assertThat(Schedules.reportKeys(ScheduledReport.TRACTOR_SERVICE_CHECK, LocalDate.parse("2026-11-23")))
                .containsExactly("tractors-service-due/2026-11-23.csv", "tractors-service-due/2026-11-23.json");
    }
}
