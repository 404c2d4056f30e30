package io.farmhub.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.farmhub.commands.CommandState;
import io.farmhub.commands.CommandStatus;
import io.farmhub.core.CommandSource;
import io.farmhub.core.StreamId;
import io.farmhub.farm.StoredEvents.Provenance;
import io.farmhub.farm.query.ExampleFarm;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The answer cache: an answer is served again only while every stream version it was computed from is current.
 * A write to one cow makes every answer over the cows stale and none over the tractors; a new cow does too (at
 * once for a question read over every cow, within the notification lag for one over the on-farm set). An answer
 * for a knownAt safely in the past never goes stale. Every write goes through the command pipeline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class QueryCachingTest extends StoryHub {


    QueryOutcome ask(String query, String... parameters) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            given.put(parameters[i], parameters[i + 1]);
        }
        return ((Asked.Answered) engine.ask(query, given, "mary", CommandSource.api("mary"))).outcome();
    }

    void run(String commandType, String payload) {
        String id = "cache-test-" + UUID.randomUUID();
        CommandStatus done = new GatewayFarmhand(gateway).submit(new Provenance(id, "mary", "api:mary", Instant.now()),
                commandType, payload);
        assertThat(done.state()).as(done.errors().toString()).isEqualTo(CommandState.COMPLETED);
    }

    void milk(String earTag, String at, String litres) {
        run("RecordMilking", "{\"earTag\": \"" + earTag + "\", \"milkedAt\": \"" + at + "\", \"litres\": " + litres
                + "}");
    }

    void buy(String earTag, String location) {
        run("RecordPurchase", "{\"earTag\": \"" + earTag + "\", \"herdNumber\": \"H778812\", \"sex\": \"F\", \"breed\":"
                + " \"Shorthorn\", \"bornOn\": \"2023-04-04\", \"purchasedOn\": \"2026-11-27\", \"seller\": \"Doyle"
                + " Mart\", \"price\": {\"amount\": \"1500.00\", \"currency\": \"EUR\"}, \"location\": \"" + location
                + "\"}");
    }

    @Test
    void asking_again_serves_the_answer_of_the_first_run_without_recording_a_new_run() {
        QueryOutcome first = ask("farm-summary", "asOf", "2026-11-20");
        int runs = store.list("query", "farm-summary").size();

        QueryOutcome again = ask("farm-summary", "asOf", "2026-11-20");

        assertThat(again.answer().cached()).isTrue();
        assertThat(again.computedBy()).isEqualTo(first.computedBy());
        assertThat(again.answer().computedAt()).isEqualTo(first.answer().computedAt());
        assertThat(again.answer().result()).isEqualTo(first.answer().result());
        assertThat(again.answer().sourceVersions()).isEqualTo(first.answer().sourceVersions());
        assertThat(store.list("query", "farm-summary")).hasSize(runs);
    }

    @Test
    void a_write_to_one_cow_makes_herd_register_stale_but_not_tractors_service_due() {
        ask("herd-register");
        ask("tractors-service-due");
        assertThat(ask("herd-register").answer().cached()).isTrue();
        assertThat(ask("tractors-service-due").answer().cached()).isTrue();

        milk(ExampleFarm.JERSEY, "2026-11-27T16:40:00Z", "6.5");

        QueryOutcome register = ask("herd-register");
        assertThat(register.answer().cached()).isFalse();
        assertThat(register.answer().sourceVersions()).containsEntry("farm/cow/" + ExampleFarm.JERSEY,
                store.version(StreamId.farm("cow", ExampleFarm.JERSEY)));
        assertThat(ask("tractors-service-due").answer().cached()).isTrue();
        assertThat(ask("herd-register").answer().cached()).isTrue();
    }

    @Test
    void a_new_cow_makes_herd_register_stale_and_is_in_the_next_answer() {
        String cow = "IE55500011112";
        assertThat(ask("herd-register").answer().result().findValuesAsText("earTag")).doesNotContain(cow);
        assertThat(ask("herd-register", "asOf", "2026-11-26").answer().cached()).isFalse();
        assertThat(ask("herd-register", "asOf", "2026-11-26").answer().cached()).isTrue();

        buy(cow, "field:hazel-park");

        // Read over every cow: the new stream is seen at once, though she was not here yet on the 26th.
        QueryOutcome yesterday = ask("herd-register", "asOf", "2026-11-26");
        assertThat(yesterday.answer().cached()).isFalse();
        assertThat(yesterday.answer().sourceVersions()).containsKey("farm/cow/" + cow);
        // Over the on-farm set: she is in the first answer after the set has her.
        QueryOutcome today = await().atMost(Duration.ofSeconds(5)).until(() -> ask("herd-register"),
                o -> o.answer().result().findValuesAsText("earTag").contains(cow));
        assertThat(today.answer().cached()).isFalse();
        assertThat(today.answer().sourceVersions()).containsKey("farm/cow/" + cow);
    }

    @Test
    void one_animal_s_history_is_stale_after_a_write_to_her_and_only_to_her() {
        ask("animal-history", "earTag", ExampleFarm.FRIESIAN);
        milk(ExampleFarm.JERSEY, "2026-11-27T16:45:00Z", "3.0");
        assertThat(ask("animal-history", "earTag", ExampleFarm.FRIESIAN).answer().cached()).isTrue();

        milk(ExampleFarm.FRIESIAN, "2026-11-27T16:50:00Z", "7.25");

        QueryOutcome history = ask("animal-history", "earTag", ExampleFarm.FRIESIAN);
        assertThat(history.answer().cached()).isFalse();
        assertThat(history.answer().result().path("events").size()).isEqualTo((int) store.version(
                StreamId.farm("cow", ExampleFarm.FRIESIAN)));
    }

    @Test
    void the_same_question_written_another_way_is_the_same_cached_answer() {
        ask("milk-yield", "from", "2026-11-26", "to", "2026-11-26", "earTag", ExampleFarm.JERSEY);

        QueryOutcome spelt = ask("milk-yield", "to", "2026-11-26", "earTag", " ie2201334 0008", "from", "2026-11-26",
                "asOf", "2026-11-27");

        assertThat(spelt.answer().cached()).isTrue();
        assertThat(spelt.answer().parameters()).containsEntry("earTag", ExampleFarm.JERSEY);
    }

    @Test
    void an_answer_for_a_knownAt_long_past_never_goes_stale() {
        String longAgo = Instant.now().minusSeconds(3600).toString(); // recordedAt is wall-clock time
        QueryOutcome first = ask("herd-register", "knownAt", longAgo);
        assertThat(first.answer().result().path("animals").size()).isZero(); // nothing was recorded an hour ago

        milk(ExampleFarm.JERSEY, "2026-11-27T17:00:00Z", "4.0");
        buy("IE55500011129", "barn:calf-shed");

        QueryOutcome again = ask("herd-register", "knownAt", longAgo);
        assertThat(again.answer().cached()).isTrue();
        assertThat(again.answer().knownAt()).isEqualTo(Instant.parse(longAgo));
    }
}
