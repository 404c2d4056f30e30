package io.farmhub.projection;

import static io.farmhub.farm.query.ExampleFarmStreams.FRIESIAN;
import static io.farmhub.farm.query.ExampleFarmStreams.HEREFORD_BULL;
import static io.farmhub.farm.query.ExampleFarmStreams.HEREFORD_HEIFER;
import static io.farmhub.farm.query.ExampleFarmStreams.JERSEY;
import static io.farmhub.farm.query.ExampleFarmStreams.MASSEY;
import static io.farmhub.farm.query.ExampleFarmStreams.NEW_HOLLAND;
import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.Json;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import io.farmhub.farm.Farm;
import io.farmhub.farm.barn.BarnSummary;
import io.farmhub.farm.cow.CowClassifier;
import io.farmhub.farm.cow.CowSummary;
import io.farmhub.farm.tractor.ServiceDue;
import io.farmhub.farm.tractor.TractorSummary;
import java.time.LocalDate;
import io.farmhub.farm.query.ExampleFarmStreams;
import io.farmhub.notify.Notification;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The projection runner on a real event store and a real snapshot store, the same tests for both backends
 * (SQLite; append blobs and blob snapshots on Azurite).
 */
abstract class ProjectionRunnerContract {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    static final EventTypeRegistry REGISTRY = Farm.registerEvents(new EventTypeRegistry());

    protected EventStore events;
    protected SnapshotStore snapshots;
    protected Announcements announced;
    protected ProjectionRunner runner;
    protected ProjectionCache cache;

    protected abstract EventStore newEventStore();

    protected abstract SnapshotStore newSnapshotStore();

    @BeforeEach
    void start() {
        events = newEventStore();
        snapshots = newSnapshotStore();
        announced = new Announcements();
        runner = new ProjectionRunner(events, REGISTRY, snapshots, () -> announced, CLOCK);
        cache = new CachedProjections(snapshots);
    }

    @AfterEach
    void stop() {
        snapshots.close();
        events.close();
    }

    @Test
    void every_projection_follows_the_story_from_its_notifications() {
        StoredStory.append(events).forEach(runner::onNotification);

        CowSummary friesian = cache.get("cow-summary", FRIESIAN).orElseThrow().as(CowSummary.class);
        assertThat(friesian.location()).hasToString("barn:cubicle-house");
        assertThat(friesian.version()).isEqualTo(events.version(StreamId.farm("cow", FRIESIAN)));
        assertThat(cache.get("cow-summary", HEREFORD_BULL).orElseThrow().as(CowSummary.class).status())
                .isEqualTo(CowSummary.Status.SOLD);
        assertThat(cache.get("barn-summary", "cubicle-house").orElseThrow().as(BarnSummary.class).occupants())
                .containsExactly(FRIESIAN, JERSEY);
        BarnSummary calfShed = cache.get("barn-summary", "calf-shed").orElseThrow().as(BarnSummary.class);
        assertThat(calfShed.occupants()).as("the bull was sold, the heifer went to a field").isEmpty();
        assertThat(calfShed.alertOpen()).isTrue();
        assertThat(cache.get("cow-locations", HEREFORD_HEIFER).orElseThrow().state().get("stays")).hasSize(2);
        assertThat(cache.get("tractor-summary", NEW_HOLLAND).orElseThrow().state().get("hoursSinceService")
                .decimalValue()).isEqualByComparingTo("250");
        assertThat(cache.get("field-summary", "lough-field").orElseThrow().state().get("pledgedTo").get(0).asText())
                .isEqualTo("GF-2026-017");
        assertThat(cache.get("cow-summary", "IE99999990001")).isEmpty();

        assertThat(cachedStates()).as("what the notifications built is what a rebuild builds")
                .isEqualTo(rebuiltStates());
    }

    @Test
    void an_event_already_applied_changes_nothing_and_announces_nothing() {
        List<Notification> raised = StoredStory.append(events);
        raised.forEach(runner::onNotification);
        Map<String, String> before = cachedStates();
        announced.taken();

        raised.forEach(runner::onNotification);

        assertThat(announced.taken()).isEmpty();
        assertThat(cachedStates()).isEqualTo(before);
    }

    @Test
    void a_gap_reads_the_missing_events_from_the_stream() {
        StreamId stream = StreamId.farm("cow", FRIESIAN);
        List<EventEnvelope> hers = ExampleFarmStreams.envelopes().get(stream);
        runner.onNotification(StoredStory.append(events, stream, hers.get(0)));
        assertThat(cache.get("cow-summary", FRIESIAN).orElseThrow().version()).isEqualTo(1);
        assertThat(cache.get("barn-summary", "cubicle-house")).as("a cow's stream feeds no barn").isEmpty();

        Notification last = null;
        for (EventEnvelope e : hers.subList(1, hers.size())) {
            last = StoredStory.append(events, stream, e); // every notification but the last is lost
        }
        runner.onNotification(last);

        assertThat(cache.get("cow-summary", FRIESIAN).orElseThrow().version()).isEqualTo(hers.size());
        assertThat(cache.get("cow-summary", FRIESIAN).orElseThrow().as(CowSummary.class).location())
                .hasToString("barn:cubicle-house");
        assertThat(cache.get("cow-locations", FRIESIAN).orElseThrow().version()).isEqualTo(hers.size());
        assertThat(cache.get("barn-summary", "cubicle-house")).as("barn-summary folds the barn's stream only")
                .isEmpty();
    }

    @Test
    void a_change_announces_the_projections_and_the_memberships_it_moved_and_nothing_else() {
        StoredStory.append(events).forEach(runner::onNotification);
        announced.taken();
        StreamId jersey = StreamId.farm("cow", JERSEY);

        runner.onNotification(StoredStory.append(events, jersey, "AnimalRelocated", "2026-11-27",
                Json.MAPPER.createObjectNode().put("earTag", JERSEY).put("from", "barn:cubicle-house")
                        .put("to", "field:hazel-park").put("movedOn", "2026-11-27")));
        // The move gives her place in the barn back on the barn's own stream, as the cow decision writes it.
        runner.onNotification(StoredStory.append(events, StreamId.farm("barn", "cubicle-house"), "AnimalLeftBarn",
                "2026-11-27", Json.MAPPER.createObjectNode().put("barnCode", "cubicle-house").put("earTag", JERSEY)
                        .put("leftOn", "2026-11-27")));

        assertThat(announced.takenAsLines()).containsExactlyInAnyOrder(
                "projection-changed cow-summary/" + JERSEY,
                "classification-changed at-location(barn:cubicle-house)/" + JERSEY + " false",
                "classification-changed at-location(field:hazel-park)/" + JERSEY + " true",
                "projection-changed cow-locations/" + JERSEY,
                "projection-changed barn-summary/cubicle-house");
        assertThat(cache.get("barn-summary", "cubicle-house").orElseThrow().as(BarnSummary.class).occupants())
                .containsExactly(FRIESIAN);

        runner.onNotification(StoredStory.append(events, jersey, "MilkRecorded", "2026-11-27T17:00:00Z",
                Json.MAPPER.createObjectNode().put("earTag", JERSEY).put("milkedAt", "2026-11-27T17:00:00Z")
                        .put("litres", 10.5)));
        assertThat(announced.takenAsLines()).as("milk moves no membership and no barn")
                .containsExactlyInAnyOrder("projection-changed cow-summary/" + JERSEY,
                        "projection-changed cow-locations/" + JERSEY);
    }

    @Test
    void notifications_about_other_things_are_ignored() {
        StoredStory.append(events);
        runner.onNotification(new Notification("x", "farm.command-state-changed", "/farmhub/command", "c/1",
                Instant.now(), Json.MAPPER.createObjectNode().put("stream", "farm/cow/" + FRIESIAN)));
        runner.onNotification(StoredStory.eventAppended(StreamId.of("command", "RecordSale", "c1"), 1, "Logged", "y"));

        assertThat(cache.get("cow-summary", FRIESIAN)).isEmpty();
        assertThat(announced.taken()).isEmpty();
    }

    @Test
    void reconciliation_after_lost_notifications_converges_to_what_a_rebuild_gives() {
        List<Notification> raised = StoredStory.append(events);
        for (int i = 0; i < raised.size(); i++) {
            if (i % 3 == 1) {
                runner.onNotification(raised.get(i)); // two notifications in three are lost
            }
        }
        Map<String, String> reference = rebuiltStates();
        assertThat(cachedStates()).isNotEqualTo(reference);

        ProjectionReconciliation.Result result = new ProjectionReconciliation(runner).reconcile();

        assertThat(result.caughtUp()).isPositive();
        assertThat(cachedStates()).isEqualTo(reference);
        assertThat(new ProjectionReconciliation(runner).reconcile().caughtUp()).as("nothing left behind").isZero();
    }

    @Test
    void the_membership_index_answers_each_classifier_set_from_the_cached_states() {
        StoredStory.append(events).forEach(runner::onNotification);
        MembershipIndex index = new ClassifierIndex(snapshots, CLOCK);

        assertThat(index.members("on-farm", "")).extracting(StreamId::key)
                .containsExactly(FRIESIAN, JERSEY, HEREFORD_HEIFER);
        assertThat(index.members("at-location", "barn:cubicle-house")).extracting(StreamId::toString)
                .containsExactly("farm/cow/" + FRIESIAN, "farm/cow/" + JERSEY);
        assertThat(index.members("at-location(field:lough-field)", null)).extracting(StreamId::key)
                .containsExactly(HEREFORD_HEIFER);
        assertThat(index.members("at-location", "barn:calf-shed")).as("sold, and moved to a field").isEmpty();
        assertThat(index.members("tb-test-due", "")).as("today: only the INCONCLUSIVE heifer")
                .extracting(StreamId::key).containsExactly(HEREFORD_HEIFER);
        assertThat(index.members("tb-test-due", "2027-11-12")).as("the CLEAR tests of 2026-11-12 still count")
                .extracting(StreamId::key).containsExactly(HEREFORD_HEIFER);
        assertThat(index.members("tb-test-due", "2027-11-13")).extracting(StreamId::key)
                .containsExactly(FRIESIAN, JERSEY, HEREFORD_HEIFER);
        assertThat(index.members("service-due", "")).as("the New Holland ran 250 h since its service")
                .extracting(StreamId::key).containsExactly(NEW_HOLLAND);
        assertThat(index.members("service-due", "2027-11-05")).as("the Massey's service is over 365 days old")
                .extracting(StreamId::key).containsExactly(MASSEY, NEW_HOLLAND);
        assertThat(index.members("pledged", "GF-2026-017")).extracting(StreamId::toString).containsExactly(
                "farm/cow/" + JERSEY, "farm/field/lough-field", "farm/tractor/" + NEW_HOLLAND);
        assertThat(index.members("pledged", "no-such-loan")).isEmpty();
    }

    @Test
    void the_index_agrees_with_the_domain_classifiers_on_every_day_of_two_years() {
        StoredStory.append(events).forEach(runner::onNotification);
        MembershipIndex index = new ClassifierIndex(snapshots, CLOCK);
        List<CowSummary> cows = events.list("farm", "cow").stream()
                .map(s -> cache.get("cow-summary", s.stream().key()).orElseThrow().as(CowSummary.class)).toList();
        List<TractorSummary> tractors = events.list("farm", "tractor").stream()
                .map(s -> cache.get("tractor-summary", s.stream().key()).orElseThrow().as(TractorSummary.class)).toList();
        for (LocalDate day = LocalDate.parse("2026-06-01"); day.isBefore(LocalDate.parse("2028-06-01"));
                day = day.plusDays(7)) {
            LocalDate asOf = day;
            assertThat(index.members("tb-test-due", asOf.toString())).extracting(StreamId::key).as("tb %s", asOf)
                    .containsExactlyElementsOf(cows.stream().filter(CowClassifier.tbTestDue(asOf)::includes)
                            .map(CowSummary::earTag).sorted().toList());
            assertThat(index.members("service-due", asOf.toString())).extracting(StreamId::key).as("service %s", asOf)
                    .containsExactlyElementsOf(tractors.stream().filter(t -> ServiceDue.includes(t, asOf))
                            .map(TractorSummary::chassisNumber).sorted().toList());
        }
    }

    @Test
    void unknown_classifiers_and_unreadable_set_keys_are_refused_plainly() {
        MembershipIndex index = new ClassifierIndex(snapshots, CLOCK);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> index.members("fat-cows", ""))
                .isInstanceOf(UnknownProjectionException.class).hasMessage("no classifier named 'fat-cows'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> index.members("at-location", "kitchen"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("barn:main-barn");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> index.members("tb-test-due", "yesterday"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-11-26");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cache.get("cow-summery", FRIESIAN))
                .isInstanceOf(UnknownProjectionException.class);
    }

    @Test
    void hints_for_one_stream_that_wait_together_are_caught_up_in_one_write_to_the_newest_version() {
        List<Notification> raised = StoredStory.append(events);
        String friesian = "cow/" + FRIESIAN;
        List<Notification> hers = raised.stream().filter(n -> friesian.equals(n.subject())).toList();
        assertThat(hers).as("the story has several events of hers").hasSizeGreaterThan(2);

        raised.forEach(runner::hint);
        assertThat(runner.behind()).as("one note per stream, however many events").isEqualTo(
                (int) raised.stream().map(Notification::subject).distinct().count());
        runner.catchUpHinted();
        assertThat(runner.behind()).isZero();

        assertThat(cachedStates()).as("what the hints built is what a rebuild builds").isEqualTo(rebuiltStates());
        assertThat(announced.takenAsLines().stream()
                .filter(line -> line.equals("projection-changed cow-summary/" + FRIESIAN)))
                .as("her events were folded in one write").hasSize(1);
        runner.catchUpHinted();
        assertThat(announced.takenAsLines()).as("nothing is left hinted").isEmpty();
    }

    @Test
    void a_follower_folds_the_next_event_onto_the_state_it_wrote_without_reading_it_back() {
        StreamId stream = StreamId.farm("cow", FRIESIAN);
        EventEnvelope last = appendAllButHerLastEvent(stream);
        RacingSnapshotStore counted = new RacingSnapshotStore(snapshots, "cow-summary", FRIESIAN, null);
        ProjectionRunner follower = new ProjectionRunner(events, REGISTRY, counted, () -> announced, CLOCK);
        follower.catchUp(stream, events.version(stream));
        int readsBefore = counted.reads();

        follower.onNotification(StoredStory.append(events, stream, last));

        assertThat(counted.reads()).as("her state was remembered from the last write").isEqualTo(readsBefore);
        assertThat(cache.get("cow-summary", FRIESIAN).orElseThrow().version()).isEqualTo(events.version(stream));
        assertThat(cowStates(cachedStates())).isEqualTo(cowStates(rebuiltStates()));
    }

    @Test
    void a_remembered_state_that_another_writer_moved_on_is_never_written_over() {
        StreamId stream = StreamId.farm("cow", FRIESIAN);
        EventEnvelope last = appendAllButHerLastEvent(stream);
        RacingSnapshotStore counted = new RacingSnapshotStore(snapshots, "cow-summary", FRIESIAN, null);
        ProjectionRunner follower = new ProjectionRunner(events, REGISTRY, counted, () -> announced, CLOCK);
        follower.catchUp(stream, events.version(stream));
        Notification hers = StoredStory.append(events, stream, last);
        // Another hub instance writes her new state before this one hears of the event.
        new ProjectionRunner(events, REGISTRY, snapshots, () -> null, CLOCK).catchUp(stream, events.version(stream));
        announced.takenAsLines();

        follower.onNotification(hers);

        assertThat(counted.lostWrites()).as("her remembered cow-summary and cow-locations are stale:"
                + " both writes refused").isEqualTo(2);
        assertThat(announced.takenAsLines()).doesNotContain("projection-changed cow-summary/" + FRIESIAN);
        assertThat(cowStates(cachedStates())).isEqualTo(cowStates(rebuiltStates()));
    }

    /** The Friesian's own states, which these tests catch up. */
    private static Map<String, String> cowStates(Map<String, String> states) {
        Map<String, String> hers = new TreeMap<>(states);
        hers.keySet().removeIf(k -> !k.equals("cow-summary/" + FRIESIAN) && !k.equals("cow-locations/" + FRIESIAN));
        assertThat(hers).hasSize(2);
        return hers;
    }

    /** The whole story but the Friesian's last event, which it returns. */
    private EventEnvelope appendAllButHerLastEvent(StreamId hers) {
        EventEnvelope held = null;
        for (Map.Entry<StreamId, List<EventEnvelope>> s : ExampleFarmStreams.envelopes().entrySet()) {
            List<EventEnvelope> envelopes = s.getValue();
            int upTo = s.getKey().equals(hers) ? envelopes.size() - 1 : envelopes.size();
            for (int i = 0; i < upTo; i++) {
                StoredStory.append(events, s.getKey(), envelopes.get(i));
            }
            if (s.getKey().equals(hers)) {
                held = envelopes.get(envelopes.size() - 1);
            }
        }
        assertThat(held).as("the story has the Friesian").isNotNull();
        return held;
    }

    @Test
    void a_writer_that_lost_the_race_reads_again_and_folds_only_what_is_missing() {
        List<Notification> raised = StoredStory.append(events);
        StreamId stream = StreamId.farm("cow", FRIESIAN);
        // Another hub instance catches the Friesian up just after this one read her cached state.
        ProjectionRunner other = new ProjectionRunner(events, REGISTRY, snapshots, () -> null, CLOCK);
        RacingSnapshotStore racing = new RacingSnapshotStore(snapshots, "cow-summary", FRIESIAN,
                () -> other.catchUp(stream, events.version(stream)));
        ProjectionRunner loser = new ProjectionRunner(events, REGISTRY, racing, () -> announced, CLOCK);

        loser.catchUp(stream, events.version(stream));

        assertThat(racing.lostWrites()).isEqualTo(1);
        assertThat(cache.get("cow-summary", FRIESIAN).orElseThrow().version()).isEqualTo(events.version(stream));
        assertThat(announced.takenAsLines()).as("the winner changed cow-summary; the loser only the rest")
                .doesNotContain("projection-changed cow-summary/" + FRIESIAN);
        raised.forEach(runner::onNotification);
        assertThat(cachedStates()).isEqualTo(rebuiltStates());
    }

    @Test
    void a_rebuild_serves_the_old_generation_until_it_switches_and_shows_its_progress() throws Exception {
        List<Notification> raised = new java.util.ArrayList<>();
        ExampleFarmStreams.envelopes().forEach((stream, envelopes) -> {
            for (EventEnvelope e : envelopes) {
                Notification n = StoredStory.append(events, stream, e);
                raised.add(n);
                if (!stream.key().equals(FRIESIAN) || e.version() == 1) {
                    runner.onNotification(n); // the Friesian's later notifications are lost: the old cache is behind
                }
            }
        });
        StreamId last = events.list("farm", "cow").get(events.list("farm", "cow").size() - 1).stream();
        GatedEventStore gate = new GatedEventStore(events, last);
        ProjectionRunner gated = new ProjectionRunner(gate, REGISTRY, snapshots, () -> announced, CLOCK);
        ProjectionRebuild rebuild = new ProjectionRebuild(gated, new ProjectionReconciliation(gated), CLOCK, 1);
        long cowEvents = events.list("farm", "cow").stream().mapToLong(s -> s.version()).sum();

        RebuildProgress started = rebuild.start("cow-summary");
        gate.awaitHeld();

        RebuildProgress halfway = rebuild.progress("cow-summary").orElseThrow();
        assertThat(halfway.state()).isEqualTo(RebuildProgress.BUILDING);
        assertThat(halfway.total()).isEqualTo(cowEvents);
        assertThat(halfway.done()).isPositive().isLessThan(cowEvents);
        assertThat(halfway.eventsPerSecond()).isPositive();
        assertThat(halfway.secondsLeft()).isNotNull().isPositive();
        assertThat(rebuild.start("cow-summary").generation()).as("one rebuild at a time").isEqualTo(started.generation());
        assertThat(cache.get("cow-summary", FRIESIAN).orElseThrow().version()).as("the old generation serves")
                .isEqualTo(1);
        runner.onNotification(raised.get(0)); // notifications keep going to the generation serving reads

        gate.open();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(
                () -> rebuild.progress("cow-summary").orElseThrow().state().equals(RebuildProgress.SWITCHED));

        RebuildProgress finished = rebuild.progress("cow-summary").orElseThrow();
        assertThat(finished.done()).isEqualTo(cowEvents);
        assertThat(finished.secondsLeft()).isZero();
        assertThat(finished.finishedAt()).isNotNull();
        assertThat(snapshots.currentGeneration("cow-summary")).isEqualTo(started.generation());
        assertThat(cache.get("cow-summary", FRIESIAN).orElseThrow().version())
                .isEqualTo(events.version(StreamId.farm("cow", FRIESIAN)));
        assertThat(snapshots.versions("cow-summary", 0)).as("the old generation is gone").isEmpty();
        assertThat(new ClassifierIndex(snapshots, CLOCK).members("at-location", "barn:cubicle-house"))
                .as("the index switched with the states").extracting(StreamId::key).containsExactly(FRIESIAN, JERSEY);
        rebuild.close();
    }

    @Test
    void a_stream_that_cannot_be_folded_does_not_hold_up_the_others() {
        StoredStory.append(events);
        StreamId broken = StreamId.farm("cow", "IE55555550001");
        StoredStory.append(events, broken, "AnimalRelocated", "2026-11-20",
                Json.MAPPER.createObjectNode().put("earTag", broken.key()).put("to", "the moon"));

        ProjectionReconciliation.Result result = new ProjectionReconciliation(runner).reconcile();

        assertThat(result.failed()).as("cow-summary and cow-locations of the broken cow").isEqualTo(2);
        assertThat(cache.get("cow-summary", broken.key())).isEmpty();
        assertThat(cache.get("cow-summary", FRIESIAN)).isPresent();
        assertThat(cache.get("tractor-summary", MASSEY)).isPresent();
    }

    /** Every cached state of every projection, by "projection/key". */
    protected static Map<String, String> cachedStates(SnapshotStore store) {
        Map<String, String> all = new TreeMap<>();
        for (String projection : List.of("cow-summary", "cow-locations", "field-summary", "barn-summary",
                "tractor-summary")) {
            int generation = store.currentGeneration(projection);
            for (String key : store.versions(projection, generation).keySet()) {
                all.put(projection + "/" + key, store.read(projection, generation, key).orElseThrow().state());
            }
        }
        return all;
    }

    protected Map<String, String> cachedStates() {
        return cachedStates(snapshots);
    }

    /** Every projection rebuilt from the streams into a snapshot store of its own: the reference answer. */
    protected Map<String, String> rebuiltStates() {
        try (SnapshotStore fresh = newSnapshotStore()) {
            ProjectionRunner other = new ProjectionRunner(events, REGISTRY, fresh, () -> null, CLOCK);
            ProjectionRebuild rebuild = new ProjectionRebuild(other, new ProjectionReconciliation(other), CLOCK, 2);
            for (String projection : FarmProjections.names()) {
                assertThat(rebuild.run(projection).state()).isEqualTo(RebuildProgress.SWITCHED);
            }
            return cachedStates(fresh);
        }
    }
}
