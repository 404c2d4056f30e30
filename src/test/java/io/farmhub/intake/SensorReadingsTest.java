package io.farmhub.intake;

import static io.farmhub.intake.IntakeAssertions.assertReadable;
import static io.farmhub.intake.IntakeAssertions.assertSameJson;
import static io.farmhub.intake.IntakeAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SensorReadingsTest {

    private final SensorReadings readings = new SensorReadings();

    private static String reading(String sensorId, String kind, String subject, String value, String unit, String at) {
        return String.format("{\"sensorId\": \"%s\", \"kind\": \"%s\", \"subject\": \"%s\", \"value\": %s,"
                + " \"unit\": \"%s\", \"at\": \"%s\"}", sensorId, kind, subject, value, unit, at);
    }

    private SensorBatch.Read read(String body) {
        SensorBatch batch = readings.read(body, "gate-7");
        assertThat(batch).as("%s", batch).isInstanceOf(SensorBatch.Read.class);
        return (SensorBatch.Read) batch;
    }

    private Rejected refused(String body) {
        SensorBatch batch = readings.read(body, "gate-7");
        assertThat(batch).as("%s", batch).isInstanceOf(SensorBatch.Refused.class);
        assertReadable(((SensorBatch.Refused) batch).rejection().message());
        return new Rejected(((SensorBatch.Refused) batch).rejection().code());
    }

    private record Rejected(ErrorCode code) {
    }

    private static List<CommandRequest> commands(SensorBatch.Read read) {
        return read.accepted().stream().map(SensorBatch.Accepted::command).toList();
    }

    @Test
    void each_kind_becomes_its_command_with_an_id_from_sensor_and_time() throws IOException {
        List<CommandRequest> commands = commands(read(Files.readString(Path.of("examples/sensors/readings.ndjson"))));
        assertThat(commands).hasSize(5);

        CommandRequest milking = commands.get(0);
        assertThat(milking.commandType()).isEqualTo("RecordMilking");
        assertThat(milking.commandId()).isEqualTo("sensor:parlour-3:2026-11-26T05:48:00Z");
        assertThat(milking.source()).isEqualTo(CommandSource.sensor("parlour-3"));
        assertThat(milking.submittedBy()).isEqualTo("gate-7");
        assertSameJson(milking.payload(),
                json("{\"earTag\": \"IE22013340007\", \"milkedAt\": \"2026-11-26T05:48:00Z\", \"litres\": 13.6}"));

        CommandRequest temperature = commands.get(2);
        assertThat(temperature.commandType()).isEqualTo("RecordBarnTemperature");
        assertThat(temperature.commandId()).isEqualTo("sensor:shed-temp-1:2026-11-26T06:00:00Z");
        assertSameJson(temperature.payload(),
                json("{\"barnCode\": \"cubicle-house\", \"at\": \"2026-11-26T06:00:00Z\", \"celsius\": 9.5}"));

        CommandRequest hours = commands.get(4);
        assertThat(hours.commandType()).isEqualTo("RecordEngineHours");
        assertThat(hours.commandId()).isEqualTo("sensor:mf-hours:2026-11-26T17:30:00Z");
        assertSameJson(hours.payload(),
                json("{\"chassisNumber\": \"MF7S165A004521\", \"at\": \"2026-11-26T17:30:00Z\", \"engineHours\": 815.2}"));
    }

    @Test
    void a_decimal_is_kept_as_sent_in_every_body_form_and_a_whole_number_stays_whole() {
        String at = "2026-11-26T09:00:00Z";
        String temperature = reading("shed-temp-7", "barn-temperature", "shed", "25.0", "°C", at);
        String hours = reading("mf-hours", "engine-hours", "MF7S165A004521", "500.00", "h", at);
        String litres = reading("collar-17", "milk-yield", "IE12345670012", "12.40", "L", at);
        for (String body : List.of("[" + temperature + "," + hours + "," + litres + "]",
                temperature + "\n" + hours + "\n" + litres)) {
            List<CommandRequest> commands = commands(read(body));
            assertThat(commands.get(0).payload().path("celsius").toString()).as(body).isEqualTo("25.0");
            assertThat(commands.get(1).payload().path("engineHours").toString()).as(body).isEqualTo("500.00");
            assertThat(commands.get(2).payload().path("litres").toString()).as(body).isEqualTo("12.40");
            assertThat(read(body).accepted().get(0).reading().value().toString()).isEqualTo("25.0");
        }
        assertThat(commands(read(temperature)).get(0).payload().path("celsius").toString()).isEqualTo("25.0");
        assertThat(commands(read(temperature.replace("25.0", "25"))).get(0).payload().path("celsius").toString())
                .isEqualTo("25");
    }

    @Test
    void an_array_and_ndjson_of_the_same_readings_give_the_same_commands() throws IOException {
        String ndjson = Files.readString(Path.of("examples/sensors/readings.ndjson"));
        String array = ndjson.lines().collect(Collectors.joining(",\n", "[", "]"));
        assertThat(commands(read(array))).isEqualTo(commands(read(ndjson)));
    }

    @Test
    void a_bad_reading_is_rejected_alone_with_its_index_and_the_rest_accepted() {
        String body = "[" + String.join(",",
                reading("meter-1", "milk-yield", "IE22013340007", "12.4", "L", "2026-11-26T06:12:00Z"),
                reading("meter-1", "milk-flow", "IE22013340007", "12.4", "L", "2026-11-26T06:13:00Z"),
                reading("meter-1", "milk-yield", "IE22013340007", "12.4", "kg", "2026-11-26T06:14:00Z"),
                "{\"sensorId\": \"meter-1\", \"kind\": \"milk-yield\", \"value\": 3, \"unit\": \"L\", \"at\": \"2026-11-26T06:15:00Z\"}",
                reading("meter-1", "milk-yield", "IE22013340007", "12.4", "L", "yesterday at six"),
                reading("meter-1", "milk-yield", "IE22013340007", "\"12.4\"", "L", "2026-11-26T06:16:00Z"),
                reading("meter-1", "milk-yield", "IE22013340007", "12.4", "L", "2026-11-26T06:17:00"),
                "\"just a string\"",
                reading("meter 1", "milk-yield", "IE22013340007", "12.4", "L", "2026-11-26T06:18:00Z"),
                reading("meter-1", "milk-yield", "IE22013340007", "1e999999", "L", "2026-11-26T06:19:00Z"),
                reading("thermo-2", "barn-temperature", "calf-shed", "-2.5", "C", "2026-11-26T06:20:00Z"),
                reading("thermo-2", "barn-temperature", "calf-shed", "-2.0", "°F", "2026-11-26T06:21:00Z")) + "]";
        SensorBatch.Read read = read(body);
        assertThat(read.accepted()).extracting(SensorBatch.Accepted::index).containsExactly(0, 10);
        assertThat(read.rejected()).extracting(SensorBatch.Rejected::index).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 11);
        assertThat(read.rejected()).extracting(SensorBatch.Rejected::code).containsOnly(ErrorCode.MALFORMED);
        read.rejected().forEach(rejected -> assertReadable(rejected.message()));
        assertThat(read.rejected().get(0).message()).contains("milk-flow");
        assertThat(read.rejected().get(1).message()).contains("unit").contains("kg");
        assertThat(read.rejected().get(2).message()).contains("subject");
        assertThat(read.rejected().get(3).message()).contains("at");
        assertThat(read.rejected().get(4).message()).contains("value");
        assertThat(read.rejected().get(5).message()).contains("offset");
        assertThat(read.result()).isEqualTo(new SensorBatchResult(2, read.rejected()));
    }

    @Test
    void a_line_that_is_not_json_rejects_only_that_reading() {
        String body = reading("m", "milk-yield", "IE22013340007", "12.4", "L", "2026-11-26T06:12:00Z") + "\n\n"
                + "{\"sensorId\": \"m\", \"kind\": \"milk-yie\n"
                + reading("m", "milk-yield", "IE22013340008", "11.0", "L", "2026-11-26T06:13:00Z") + "\n";
        SensorBatch.Read read = read(body);
        assertThat(read.accepted()).extracting(SensorBatch.Accepted::index).containsExactly(0, 2);
        assertThat(read.rejected()).singleElement().satisfies(rejected -> {
            assertThat(rejected.index()).isEqualTo(1);
            assertThat(rejected.message()).startsWith("Line 3:");
            assertReadable(rejected.message());
        });
    }

    @Test
    void an_event_body_may_be_one_reading_even_spread_over_lines() {
        String pretty = reading("m", "engine-hours", "MF7S165A004521", "815.2", "h", "2026-11-26T17:30:00Z")
                .replace(", ", ",\n  ");
        assertThat(commands(read(pretty))).extracting(CommandRequest::commandType).containsExactly("RecordEngineHours");
    }

    @Test
    void the_time_is_normalised_so_a_replay_however_written_is_the_same_command() {
        CommandRequest utc = commands(read(reading("m", "milk-yield", "IE1", "1", "L", "2026-11-26T06:12:00Z"))).get(0);
        CommandRequest offset = commands(read(reading("m", "milk-yield", "IE1", "1", "L", "2026-11-26T07:12:00.000+01:00"))).get(0);
        assertThat(offset.commandId()).isEqualTo(utc.commandId()).isEqualTo("sensor:m:2026-11-26T06:12:00Z");
        assertThat(offset.payload()).isEqualTo(utc.payload());
    }

    @Test
    void ten_thousand_readings_are_taken_and_one_more_is_refused_whole() {
        String reading = reading("m", "milk-yield", "IE22013340007", "12.4", "L", "2026-11-26T06:12:00Z");
        String tenThousand = IntStream.range(0, SensorReadings.MAX_READINGS).mapToObj(i -> reading)
                .collect(Collectors.joining("\n"));
        assertThat(read(tenThousand).accepted()).hasSize(10_000);
        assertThat(refused(tenThousand + "\n" + reading).code()).isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(refused("[" + tenThousand.replace("\n", ",") + "," + reading + "]").code())
                .isEqualTo(ErrorCode.TOO_LARGE);
    }

    @Test
    void a_body_that_cannot_be_read_at_all_is_refused_whole() {
        assertThat(refused("").code()).isEqualTo(ErrorCode.MALFORMED);
        assertThat(refused("  \n ").code()).isEqualTo(ErrorCode.MALFORMED);
        assertThat(refused("[{\"sensorId\": \"m\"},").code()).isEqualTo(ErrorCode.MALFORMED);
        assertThat(refused("[" + "[".repeat(10_000) + "]".repeat(10_000) + "]").code()).isEqualTo(ErrorCode.MALFORMED);
        assertThat(refused("[1] [2]").code()).isEqualTo(ErrorCode.MALFORMED);
    }

    @Test
    void an_empty_array_accepts_nothing() {
        assertThat(read("[]").result()).isEqualTo(new SensorBatchResult(0, List.of()));
    }

    @Test
    void the_answer_has_the_shape_of_the_contract() throws Exception {
        SensorBatchResult result = new SensorBatchResult(1,
                List.of(new SensorBatch.Rejected(1, ErrorCode.MALFORMED, "Unit must be L.")));
        assertThat(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(result))).isEqualTo(json(
                "{\"accepted\": 1, \"rejected\": [{\"index\": 1, \"code\": \"MALFORMED\", \"message\": \"Unit must be L.\"}]}"));
        assertThat(result.withRejected(new SensorBatch.Rejected(0, ErrorCode.CONFLICT, "Sent before with another value.")))
                .isEqualTo(new SensorBatchResult(0, List.of(
                        new SensorBatch.Rejected(0, ErrorCode.CONFLICT, "Sent before with another value."),
                        new SensorBatch.Rejected(1, ErrorCode.MALFORMED, "Unit must be L."))));
    }
}
