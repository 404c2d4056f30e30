package io.farmhub.queries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.DataDirectory;
import io.farmhub.core.Json;
import io.farmhub.eventstore.StreamVersion;
import io.farmhub.farm.query.ExampleFarm;
import io.farmhub.schedules.QueryRunner;
import io.farmhub.schedules.Schedules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Date;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The schedules run their queries through the engine: a TB test inspection firing at 06:00 writes its report from
 * a query run recorded on its own stream, asked by the scheduler, from the schedule (even though the same question
 * was asked before, so the cache answers it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ScheduledQueriesTest extends StoryHub {

    @Autowired
    Schedules schedules;
    @Autowired
    QueryRunner runner;
    @Autowired
    CamelContext camel;
    @Autowired
    DataDirectory data;

    @Test
    void the_tb_test_inspection_writes_its_report_from_a_query_run_of_its_own() throws Exception {
        assertThat(runner).isInstanceOf(ScheduledQueries.class);
        Exchange firing = new DefaultExchange(camel);
        firing.getMessage().setHeader("scheduledFireTime",
                Date.from(ZonedDateTime.parse("2026-11-27T06:00:00Z[Europe/Dublin]").toInstant()));

        schedules.report("tb-test-inspection", firing);

        Path report = data.root().resolve("reports/tb-tests-due/2026-11-27.json");
        JsonNode written = Json.MAPPER.readTree(Files.readString(report));
        assertThat(written.path("result").path("animals").findValuesAsText("earTag"))
                .containsExactly(ExampleFarm.HEREFORD_HEIFER);
        assertThat(data.root().resolve("reports/tb-tests-due/2026-11-27.csv")).isRegularFile();
        boolean ranAsScheduled = false;
        for (StreamVersion run : store.list("query", "tb-tests-due")) {
            JsonNode status = engine.run(run.stream().key()).orElseThrow().json();
            ranAsScheduled |= status.path("source").asText().equals("schedule:tb-test-inspection")
                    && status.path("requestedBy").asText().equals("scheduler");
        }
        assertThat(ranAsScheduled).isTrue();
    }
}
