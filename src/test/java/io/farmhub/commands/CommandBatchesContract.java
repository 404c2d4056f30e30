package io.farmhub.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.Json;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import io.farmhub.security.ApiKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * {@link CommandBatches} on a store: a batch's commands decided in order on one fold of their stream (the dead band
 * among them), its record answering each command's status, a batch run again changing nothing, an id known with
 * another payload a mismatch, and a batch racing commands run one by one on the same barn leaving the barn as if
 * they had run one after the other. Run on SQLite and on Append Blobs (Azurite).
 */
abstract class CommandBatchesContract {

    static final String USER = "batcher";
    private static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");

    @Autowired
    CommandBatches batches;
    @Autowired
    CommandGateway gateway;
    @Autowired
    EventStore store;

    static void user(DynamicPropertyRegistry registry) {
        registry.add("farmhub.security.users." + USER + ".api-key-sha256", () -> ApiKey.sha256Hex("batcher-key"));
        registry.add("farmhub.security.users." + USER + ".roles", () -> "farm-manager");
    }

    @Test
    void readings_are_decided_in_order_on_one_fold_and_each_says_what_it_did() throws Exception {
        String barn = barn();
        List<Submission> submitted = batches.run("contract-" + barn, List.of(reading(barn, 0, "12.0"),
                reading(barn, 1, "12.2"), reading(barn, 2, "12.4"), reading(barn, 3, "13.0"),
                reading(barn, 2, "12.4")));

        assertThat(submitted).hasSize(5);
        assertThat(submitted.subList(0, 4)).allMatch(Submission.Accepted.class::isInstance);
        assertThat(submitted.get(4)).isInstanceOf(Submission.AlreadyKnown.class); // the same reading twice
        assertThat(store.version(StreamId.farm("barn", barn))).isEqualTo(3); // registered, 12.0, 13.0
        CommandStatus first = gateway.status(id(barn, 0)).orElseThrow();
        assertThat(first.state()).isEqualTo(CommandState.COMPLETED);
        assertThat(first.events()).extracting(CommandStatus.AppendedEvent::version).containsExactly(2L);
        assertThat(first.steps()).extracting(CommandStatus.Step::step).containsExactly("log-parameters",
                "authorise", "validate", "handle", "record-events", "publish", "complete");
        CommandStatus inBand = gateway.status(id(barn, 1)).orElseThrow();
        assertThat(inBand.state()).isEqualTo(CommandState.COMPLETED);
        assertThat(inBand.events()).isEmpty();
        assertThat(inBand.steps()).filteredOn(s -> s.step().equals("handle")).singleElement()
                .satisfies(s -> assertThat(s.detail()).contains("dead band"));
        assertThat(gateway.status(id(barn, 3)).orElseThrow().events())
                .extracting(CommandStatus.AppendedEvent::version).containsExactly(3L);
    }

    @Test
    void a_batch_run_again_changes_nothing_and_another_value_for_a_known_id_is_a_mismatch() throws Exception {
        String barn = barn();
        List<CommandRequest> readings = List.of(reading(barn, 0, "12.0"), reading(barn, 1, "14.0"));
        batches.run("again-" + barn, readings);
        long version = store.version(StreamId.farm("barn", barn));

        assertThat(batches.run("again-" + barn, readings)).allMatch(Submission.Accepted.class::isInstance);
        assertThat(batches.run("other-" + barn, readings)).allMatch(Submission.AlreadyKnown.class::isInstance);
        List<Submission> changed = batches.run("changed-" + barn, List.of(reading(barn, 1, "15.0")));
        assertThat(changed).singleElement().isInstanceOf(Submission.PayloadMismatch.class);
        assertThat(gateway.submit(reading(barn, 0, "12.0"))).isInstanceOf(Submission.AlreadyKnown.class);
        assertThat(gateway.submit(reading(barn, 0, "11.0"))).isInstanceOf(Submission.PayloadMismatch.class);
        assertThat(store.version(StreamId.farm("barn", barn))).isEqualTo(version);
    }

    @Test
    void readings_of_an_unknown_barn_end_invalid_and_reach_command_errors() {
        String barn = "nowhere-" + UUID.randomUUID().toString().substring(0, 8);
        batches.run("unknown-" + barn, List.of(reading(barn, 0, "12.0")));

        CommandStatus status = gateway.status(id(barn, 0)).orElseThrow();
        assertThat(status.state()).isEqualTo(CommandState.INVALID);
        assertThat(status.errors()).extracting(CommandStatus.Error::code).containsExactly("UNKNOWN_LOCATION");
    }

    /**
     * Batches and single commands writing one barn side by side: every reading ends, each of its events is in the
     * barn's stream once, and the stream reads as one order: no reading recorded after a later one (stale readings,
     * which one after the other would change nothing, never slip in).
     */
    @Test
    void batches_racing_single_commands_on_one_barn_leave_it_as_if_they_ran_one_after_the_other() throws Exception {
        String barn = barn();
        int n = 120;
        List<CommandRequest> batched = new ArrayList<>();
        List<CommandRequest> single = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CommandRequest r = reading(barn, i, i % 2 == 0 ? "10.0" : "12.0"); // every reading leaves the dead band
            (i % 3 == 0 ? single : batched).add(r);
        }
        CompletableFuture<Void> byBatch = CompletableFuture.runAsync(() -> {
            for (int from = 0; from < batched.size(); from += 10) {
                batches.run("race-" + barn + "-" + from, batched.subList(from, Math.min(batched.size(), from + 10)));
            }
        });
        CompletableFuture<Void> oneByOne = CompletableFuture.runAsync(() -> single.forEach(gateway::submit));
        CompletableFuture.allOf(byBatch, oneByOne).get();

        long named = 0;
        for (int i = 0; i < n; i++) {
            String id = id(barn, i);
            Awaitility.await(id).atMost(Duration.ofSeconds(60))
                    .until(() -> gateway.status(id).map(s -> s.state().terminal()).orElse(false));
            CommandStatus s = gateway.status(id).orElseThrow();
            assertThat(s.state()).as(id + " " + s.errors()).isEqualTo(CommandState.COMPLETED);
            named += s.events().size();
        }
        List<EventEnvelope> events = store.read(StreamId.farm("barn", barn));
        assertThat(events.stream().filter(e -> e.correlationId() != null && e.correlationId().startsWith("sensor:"))
                .count()).isEqualTo(named);
        assertThat(events.stream().map(EventEnvelope::eventId).distinct().count()).isEqualTo(events.size());
        Instant last = Instant.MIN;
        for (EventEnvelope e : events) {
            if (e.eventType().equals("BarnTemperatureRecorded")) {
                Instant at = Instant.parse(e.data().path("at").asText());
                assertThat(at).as("recorded in order").isAfter(last);
                last = at;
            }
        }
    }

    private String barn() throws Exception {
        String barn = "batch-" + UUID.randomUUID().toString().substring(0, 8);
        gateway.submit(new CommandRequest("RegisterBarn", "register-" + barn, Json.MAPPER.readTree(
                "{\"barnCode\":\"" + barn + "\",\"name\":\"Batch shed\",\"capacity\":10}"), USER,
                CommandSource.api(USER)));
        Awaitility.await("barn registered").atMost(Duration.ofSeconds(30)).until(() -> gateway.status("register-" + barn)
                .map(s -> s.state() == CommandState.COMPLETED).orElse(false));
        return barn;
    }

    private static String id(String barn, int i) {
        return "sensor:" + barn + "-probe:" + T0.plusSeconds(60L * i);
    }

    private static CommandRequest reading(String barn, int i, String celsius) {
        try {
            JsonNode payload = Json.MAPPER.readTree("{\"barnCode\":\"" + barn + "\",\"at\":\"" + T0.plusSeconds(60L * i)
                    + "\",\"celsius\":" + celsius + "}");
            return new CommandRequest("RecordBarnTemperature", id(barn, i), payload, USER,
                    CommandSource.sensor(barn + "-probe"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
