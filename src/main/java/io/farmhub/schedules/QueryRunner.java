package io.farmhub.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.CommandSource;
import java.util.Map;

/**
 * The seam between the schedules and the query engine (the read side): runs one query, as a user, to its end. The
 * engine records the run on its own stream ({@code query/<query>/<queryId>}) with a status like any other work;
 * the schedules only need its answer.
 */
public interface QueryRunner {

    /**
     * @param query      the query's name, as in domain.md ({@code tb-tests-due}, {@code herd-register}, …)
     * @param parameters its parameters, e.g. {@code asOf}
     * @param runAs      the user it runs as; the schedules pass {@code farmhub.schedules.user} (role scheduler)
     * @param source     where the run came from: {@code schedule:<name>}
     */
    QueryAnswer run(String query, Map<String, String> parameters, String runAs, CommandSource source);

    /**
     * A finished run: its id, and the answer as {@code GET /api/queries/{query}} gives it, {@code {"query",
     * "parameters", "asOf", "knownAt", "computedAt", "cached", "sourceVersions", "result"}}.
     */
    record QueryAnswer(String queryId, JsonNode answer) {

        public JsonNode result() {
            return answer.path("result");
        }
    }
}
