package io.farmhub.queries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.farmhub.core.Json;
import io.farmhub.farm.query.ExampleFarm;
import io.farmhub.farm.query.FarmQueries;
import io.farmhub.farm.query.FarmQuery;
import io.farmhub.farm.query.FarmStory;
import io.farmhub.farm.query.QueryResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One question per query of domain.md over the example story, and the answers the pure queries give over the
 * story held in memory: the answers the farm/query tests check by hand, which the engine must give too.
 */
final class ExampleQuestions {

    /** query → its parameters, name and value pairs. */
    static final Map<String, String[]> ASKED = new LinkedHashMap<>();

    static {
        ASKED.put("herd-register", new String[] {});
        ASKED.put("animals-at", new String[] {"location", "barn:cubicle-house"});
        ASKED.put("tb-tests-due", new String[] {});
        ASKED.put("tractors-service-due", new String[] {});
        ASKED.put("animal-history", new String[] {"earTag", ExampleFarm.JERSEY});
        ASKED.put("milk-yield", new String[] {"from", "2026-11-26", "to", "2026-11-27"});
        ASKED.put("loan-collateral", new String[] {"loanId", "GF-2026-017"});
        ASKED.put("farm-summary", new String[] {});
    }

    private static final FarmStory STORY = ExampleFarm.story();

    /**
     * The hub's answer is the pure query's, and every stream it names it read at the version the story gives it
     * (it may have read fewer: the members of a classifier set, not every instance).
     */
    static void assertSameAnswer(String query, JsonNode answer) {
        org.assertj.core.api.Assertions.assertThat(timeless(answer)).as(query).isEqualTo(expected(query));
        JsonNode all = Json.MAPPER.valueToTree(STORY.ask(FarmQueries.named(query).orElseThrow(), ExampleFarm.TODAY,
                ASKED.get(query)).sourceVersions());
        org.assertj.core.api.Assertions.assertThat(answer.path("sourceVersions").size()).as(query).isPositive();
        answer.path("sourceVersions").fields().forEachRemaining(read -> org.assertj.core.api.Assertions
                .assertThat(read.getValue().asLong()).as(query + " " + read.getKey())
                .isEqualTo(all.path(read.getKey()).asLong(-1)));
    }

    private ExampleQuestions() {
    }

    static Map<String, String> parameters(String query) {
        String[] pairs = ASKED.get(query);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put(pairs[i], pairs[i + 1]);
        }
        return parameters;
    }

    /** The pure query's answer over the story in memory, as JSON, recording times left out (see {@link #timeless}). */
    static JsonNode expected(String query, String... parameters) {
        FarmQuery<?, ?> q = FarmQueries.named(query).orElseThrow();
        QueryResult<?> result = STORY.ask(q, ExampleFarm.TODAY, parameters);
        return timeless(Json.MAPPER.valueToTree(result));
    }

    static JsonNode expected(String query) {
        return expected(query, ASKED.get(query));
    }

    /**
     * An answer without what the story in memory and a real hub cannot share: {@code recordedAt} of each event
     * (animal-history), {@code computedAt}, {@code cached}, a delivered answer's {@code queryId}, and
     * {@code sourceVersions} (a question about today reads only its classifier set's members, the pure query in
     * memory every stream; {@link #assertSameAnswer} checks them). Everything else must be equal.
     */
    static JsonNode timeless(JsonNode answer) {
        ObjectNode copy = answer.deepCopy();
        copy.remove("queryId");
        copy.remove("sourceVersions");
        copy.remove("computedAt");
        copy.remove("cached");
        copy.findParents("recordedAt").forEach(parent -> ((ObjectNode) parent).remove("recordedAt"));
        try {
            return Json.MAPPER.readTree(copy.toString()); // numbers as read from text, whatever node made them
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
