package io.farmhub.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.commands.tally.TallyCommands;
import io.farmhub.core.CommandHandler;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.Json;
import io.farmhub.core.Rejection;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandPayloadsTest {

    /** A nested command, to see array paths. */
    record Inspection(String inspectionId, List<Result> results) {
        record Result(String earTag, LocalDate testedOn, int count) {
        }
    }

    private final CommandHandler<TallyCommands.Count> count = handler(TallyCommands.Count.class);
    private final CommandHandler<Inspection> inspection = handler(Inspection.class);

    private static <C> CommandHandler<C> handler(Class<C> type) {
        return new CommandHandler<>() {
            public String commandType() {
                return type.getSimpleName();
            }

            public Class<C> commandClass() {
                return type;
            }

            public C normalise(C c) {
                return c;
            }

            public List<Rejection> validate(C c, LocalDate today) {
                return List.of();
            }

            public io.farmhub.core.Decision decide(C c, io.farmhub.core.StreamStates s, LocalDate today) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static <C> Rejection problem(CommandHandler<C> handler, String json) throws Exception {
        CommandPayloads.Parsed<C> parsed = CommandPayloads.read(handler, Json.MAPPER.readTree(json));
        assertThat(parsed.command()).isNull();
        assertThat(parsed.problem().code()).isEqualTo(ErrorCode.MALFORMED);
        assertThat(parsed.problem().message()).doesNotContain("java.", "`");
        return parsed.problem();
    }

    @Test
    void a_good_payload_is_read_into_its_command() throws Exception {
        CommandPayloads.Parsed<TallyCommands.Count> parsed = CommandPayloads.read(count,
                Json.MAPPER.readTree("{\"tally\":\"north\",\"by\":3,\"countedOn\":\"2026-11-20\",\"extra\":1}"));
        assertThat(parsed.problem()).isNull();
        assertThat(parsed.command()).isEqualTo(new TallyCommands.Count("north", 3, LocalDate.parse("2026-11-20")));
    }

    @Test
    void a_missing_or_non_object_payload_is_malformed() throws Exception {
        assertThat(CommandPayloads.read(count, null).problem().field()).isEqualTo("payload");
        assertThat(problem(count, "[1,2]").field()).isEqualTo("payload");
        assertThat(problem(count, "\"text\"").message()).contains("JSON object");
    }

    @Test
    void a_bad_date_names_its_field_and_says_what_a_date_looks_like() throws Exception {
        Rejection r = problem(count, "{\"tally\":\"north\",\"by\":3,\"countedOn\":\"yesterday\"}");
        assertThat(r.field()).isEqualTo("countedOn");
        assertThat(r.message()).contains("'yesterday'", "yyyy-mm-dd");
    }

    @Test
    void a_problem_deep_in_a_list_is_reported_with_its_json_path() throws Exception {
        Rejection r = problem(inspection, "{\"inspectionId\":\"i1\",\"results\":[{\"earTag\":\"IE1\",\"testedOn\":"
                + "\"2026-11-20\",\"count\":1},{\"earTag\":\"IE2\",\"testedOn\":\"2026-11-20\",\"count\":\"many\"}]}");
        assertThat(r.field()).isEqualTo("results[1].count");
        assertThat(r.message()).contains("a number");
    }

    @Test
    void a_null_where_a_number_must_be_is_malformed_not_zero() throws Exception {
        Rejection r = problem(inspection, "{\"results\":[{\"earTag\":\"IE1\",\"count\":null}]}");
        assertThat(r.field()).isEqualTo("results[0].count");
    }

    @Test
    void an_object_where_a_list_must_be_is_malformed() throws Exception {
        Rejection r = problem(inspection, "{\"results\":{\"earTag\":\"IE1\"}}");
        assertThat(r.field()).isEqualTo("results");
        assertThat(r.message()).contains("a list");
    }
}
