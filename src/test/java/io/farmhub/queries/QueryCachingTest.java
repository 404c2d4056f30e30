package io.farmhub.queries;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.CommandSource;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import io.farmhub.farm.query.ExampleFarm;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The answer cache: an answer is served again only while every stream version it was computed from is current.
 * A write to one cow makes every answer over the cows stale and none over the tractors; a new cow does too. An
 * answer for a knownAt safely in the past never goes stale.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(FarmDay.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryCachingTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("farmhub.data-dir",
                () -> Path.of("target/test-data/query-caching-" + UUID.randomUUID()).toString());
    }

    @Autowired
    QueryEngine engine;
    @Autowired
    EventStore store;

    @BeforeAll
    void storyIsTold() {
        StoryInStore.append(store);
    }

    QueryOutcome ask(String query, String... parameters) {
        Map<String, String> given = new java.util.LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            given.put(parameters[i], parameters[i + 1]);
        }
        return ((Asked.Answered) engine.ask(query, given, "mary", CommandSource.api("mary"))).outcome();
    }

    @Test
    void asking_again_serves_the_answer_of_the_first_run_without_recording_a_new_run() {
        QueryOutcome first = ask("farm-summary", "asOf", "2026-11-20");
        int runs = store.list("query", "farm-summary").size();

        QueryOutcome again = ask("farm-summary", "asOf", "2026-11-20");

        assertThat(first.answer().cached()).isFalse();
        assertThat(again.answer().cached()).isTrue();
        assertThat(again.computedBy()).isEqualTo(first.request().queryId());
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

        long version = FarmWrites.milk(store, ExampleFarm.JERSEY, "6.5").lastVersion();

        QueryOutcome register = ask("herd-register");
        assertThat(register.answer().cached()).isFalse();
        assertThat(register.answer().sourceVersions()).containsEntry("farm/cow/" + ExampleFarm.JERSEY, version);
        assertThat(ask("tractors-service-due").answer().cached()).isTrue();
        assertThat(ask("herd-register").answer().cached()).isTrue();
    }

    @Test
    void a_new_cow_makes_herd_register_stale_and_is_in_the_next_answer() {
        assertThat(ask("herd-register", "asOf", "2026-11-27").answer().result().findValuesAsText("earTag"))
                .doesNotContain("IE55500011112");
        assertThat(ask("herd-register", "asOf", "2026-11-27").answer().cached()).isTrue();

        FarmWrites.buy(store, "IE55500011112", "field:hazel-park");

        QueryOutcome register = ask("herd-register", "asOf", "2026-11-27");
        assertThat(register.answer().cached()).isFalse();
        assertThat(register.answer().result().findValuesAsText("earTag")).contains("IE55500011112");
        assertThat(register.answer().sourceVersions()).containsKey("farm/cow/IE55500011112");
    }

    @Test
    void one_animal_s_history_is_stale_after_a_write_to_her_and_only_to_her() {
        ask("animal-history", "earTag", ExampleFarm.FRIESIAN);
        FarmWrites.milk(store, ExampleFarm.HEREFORD_HEIFER, "3.0");
        assertThat(ask("animal-history", "earTag", ExampleFarm.FRIESIAN).answer().cached()).isTrue();

        FarmWrites.milk(store, ExampleFarm.FRIESIAN, "7.25");

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

        FarmWrites.milk(store, ExampleFarm.JERSEY, "4.0");
        FarmWrites.buy(store, "IE55500011129", "barn:calf-shed");

        QueryOutcome again = ask("herd-register", "knownAt", longAgo);
        assertThat(again.answer().cached()).isTrue();
        assertThat(again.answer().knownAt()).isEqualTo(Instant.parse(longAgo));
        assertThat(ask("herd-register").answer().cached()).isFalse();
    }
}
