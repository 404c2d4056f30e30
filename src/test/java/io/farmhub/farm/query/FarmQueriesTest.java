package io.farmhub.farm.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.Aggregate;
import io.farmhub.farm.barn.Barn;
import io.farmhub.farm.cow.Cow;
import io.farmhub.farm.field.Field;
import io.farmhub.farm.tractor.Tractor;
import org.junit.jupiter.api.Test;

/** The catalog holds every query of domain.md under its name, each saying which streams it reads. */
class FarmQueriesTest {

    @Test
    void every_query_of_domain_md_is_there_by_its_name() {
        assertThat(FarmQueries.all()).extracting(FarmQuery::name).containsExactly("herd-register", "animals-at",
                "tb-tests-due", "tractors-service-due", "animal-history", "milk-yield", "loan-collateral",
                "farm-summary");
        assertThat(FarmQueries.named("milk-yield")).containsInstanceOf(MilkYield.class);
        assertThat(FarmQueries.named("herd")).isEmpty();
    }

    @Test
    void each_query_reads_the_aggregate_types_its_answer_needs() {
        assertThat(FarmQueries.all()).allSatisfy(q -> assertThat(q.aggregates()).isNotEmpty());
        assertThat(new FarmSummary().aggregates()).extracting(Aggregate::type)
                .containsExactly(Cow.AGGREGATE.type(), Field.AGGREGATE.type(), Barn.AGGREGATE.type(),
                        Tractor.AGGREGATE.type());
        assertThat(new LoanCollateral().aggregates()).extracting(Aggregate::type)
                .containsExactly("cow", "field", "tractor");
        assertThat(new TractorsServiceDue().aggregates()).extracting(Aggregate::type).containsExactly("tractor");
    }

    @Test
    void every_result_is_json_with_the_fields_the_rest_api_shows() throws Exception {
        FarmStory farm = ExampleFarm.story();
        String[][] parameters = {{}, {"location", "barn:cubicle-house"}, {}, {}, {"earTag", ExampleFarm.JERSEY},
            {"from", "2026-11-26", "to", "2026-11-27"}, {"loanId", "GF-2026-017"}, {}};
        for (int i = 0; i < parameters.length; i++) {
            FarmQuery<?, ?> query = FarmQueries.all().get(i);
            com.fasterxml.jackson.databind.JsonNode json = io.farmhub.core.Json.MAPPER.valueToTree(
                    farm.ask(query, ExampleFarm.TODAY, parameters[i]));
            assertThat(json.fieldNames()).toIterable().as(query.name()).containsExactly("query", "parameters",
                    "asOf", "knownAt", "sourceVersions", "result");
            assertThat(json.get("query").asText()).isEqualTo(query.name());
            assertThat(json.get("asOf").asText()).isEqualTo("2026-11-27");
            assertThat(json.get("result").isObject()).as(query.name()).isTrue();
        }
    }

    @Test
    void a_selection_of_aggregate_types_takes_every_farm_stream_of_those_types_and_nothing_else() {
        StreamSelection cattle = StreamSelection.every(Cow.AGGREGATE);
        assertThat(cattle.includes(Cow.AGGREGATE.stream("IE22013340007"))).isTrue();
        assertThat(cattle.includes(Barn.AGGREGATE.stream("calf-shed"))).isFalse();
        assertThat(cattle.includes(io.farmhub.core.StreamId.of("command", "cow", "x"))).isFalse();
    }
}
