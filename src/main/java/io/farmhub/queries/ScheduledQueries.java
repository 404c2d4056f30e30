package io.farmhub.queries;

import io.farmhub.core.CommandSource;
import io.farmhub.schedules.QueryRunner;
import java.util.Map;
import org.springframework.context.annotation.Fallback;
import org.springframework.stereotype.Component;

/**
 * The schedules' queries (TB test inspection, tractor service check, herd register report) through the engine:
 * each is a run on its own stream with the schedule as its source, and the answer is the one
 * {@code GET /api/queries/{query}} would give. A fallback, so a test that stands in its own {@link QueryRunner}
 * is given that one.
 */
@Component
@Fallback
public class ScheduledQueries implements QueryRunner {

    private final QueryEngine engine;

    public ScheduledQueries(QueryEngine engine) {
        this.engine = engine;
    }

    @Override
    public QueryAnswer run(String query, Map<String, String> parameters, String runAs, CommandSource source) {
        QueryOutcome outcome = engine.answer(query, parameters, runAs, source);
        return new QueryAnswer(outcome.computedBy(), outcome.answer().json());
    }
}
