package io.farmhub.queries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.farmhub.core.CommandSource;
import io.farmhub.core.Json;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's own stream, written and folded back: steps in order, an answer too large for one append in parts. */
class QueryRunLogTest {

    @TempDir
    Path dir;
    EventStore store;

    @AfterEach
    void close() {
        store.close();
    }

    QueryRunLog log() {
        store = new SqliteEventStore(dir.resolve("runs.db"));
        return new QueryRunLog(store);
    }

    static QueryRequest request(ReturnPath path) {
        return new QueryRequest(UUID.randomUUID().toString(), "herd-register", Map.of("asOf", "2026-10-31"),
                LocalDate.parse("2026-11-27"), "mary", CommandSource.schedule("herd-register-report"), path, true);
    }

    @Test
    void an_answer_larger_than_one_append_is_kept_in_parts_and_read_back_whole() {
        QueryRunLog log = log();
        QueryRequest request = request(null);
        ObjectNode answer = Json.MAPPER.createObjectNode().put("query", "herd-register");
        ArrayNode animals = answer.putObject("result").putArray("animals");
        for (int i = 0; i < 40_000; i++) {
            animals.addObject().put("earTag", String.format("IE%010d", i)).put("breed", "Holstein \"Friesian\" ü")
                    .put("location", "barn:main-barn");
        }
        Instant at = Instant.parse("2026-11-27T06:00:00Z");
        log.record(request, new QueryRunEvent.Requested(request.queryId(), request.query(), request.parameters(),
                null, at));
        log.answered(request, answer, false, at);

        QueryRunStatus run = log.load(request.queryId()).orElseThrow();

        assertThat(answer.toString().length()).isGreaterThan(4 * QueryRunLog.PART_CHARS);
        assertThat(store.version(QueryRunLog.stream("herd-register", request.queryId()))).isGreaterThan(5);
        assertThat(run.answer()).isEqualTo(answer);
        assertThat(run.state()).isEqualTo(QueryRunStatus.COMPLETED);
        assertThat(run.json().findValuesAsText("step")).containsExactly("requested", "answered");
        assertThat(run.json().path("source").asText()).isEqualTo("schedule:herd-register-report");
        // a hub started afresh finds the run by its id alone
        assertThat(new QueryRunLog(store).load(request.queryId()).orElseThrow().answer()).isEqualTo(answer);
    }

    @Test
    void recording_a_step_twice_stores_it_once() {
        QueryRunLog log = log();
        QueryRequest request = request(new ReturnPath(ReturnPath.REPORT, null));
        Instant at = Instant.parse("2026-11-27T06:00:00Z");
        QueryRunEvent.Requested requested = new QueryRunEvent.Requested(request.queryId(), request.query(),
                request.parameters(), request.returnPath(), at);

        log.record(request, requested);
        log.record(request, requested);

        assertThat(store.version(QueryRunLog.stream("herd-register", request.queryId()))).isEqualTo(1);
        QueryRunStatus run = log.load(request.queryId()).orElseThrow();
        assertThat(run.state()).isEqualTo(QueryRunStatus.RUNNING);
        assertThat(run.json().path("returnPath").path("type").asText()).isEqualTo("report");
    }
}
