package io.farmhub.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.FarmHubApplication;
import io.farmhub.azure.Azurite;
import io.farmhub.commands.herd.Herd;
import io.farmhub.commands.herd.HerdFixture;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A command that writes several streams, on Append Blobs (Azurite), where no write spans two blobs: the barn
 * entered is appended first, then the cow, each recorded on the command stream. A fault between them is finished
 * by a resume; a conflict between them that ends the move refused gives the barn place back (AnimalLeftBarn), even
 * when the give-back itself is interrupted. Either way the barns' places end equal to the cows' own locations.
 */
@SpringBootTest(classes = FarmHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "farmhub.commands.retry.attempts=2",
        "farmhub.commands.retry.delay=10",
        "farmhub.commands.retry.multiplier=1"})
@ActiveProfiles("azure")
@Import(PipelineTestConfiguration.class)
class AzureMultiStreamPipelineTest {

    @DynamicPropertySource
    static void azurite(DynamicPropertyRegistry registry) {
        Azurite.register(registry);
        registry.add("farmhub.data-dir", () -> "target/test-data/azure-multi-stream");
        registry.add("farmhub.eventstore.appendblob.container", () -> Azurite.uniqueContainerName("streams"));
        registry.add("farmhub.commands.index.container", () -> Azurite.uniqueContainerName("command-index"));
        registry.add("farmhub.commands.errors.container", () -> Azurite.uniqueContainerName("command-errors"));
    }

    @Autowired
    CommandGateway gateway;
    @Autowired
    EventStore store;
    @Autowired
    EventTypeRegistry types;

    @AfterEach
    void heal() {
        faults().heal();
    }

    private FaultyEventStore faults() {
        return (FaultyEventStore) store;
    }

    private HerdFixture herd() {
        return new HerdFixture(store, types);
    }

    private CommandStatus awaitState(String id, CommandState state) {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> gateway.status(id).map(CommandStatus::state).orElse(null) == state);
        return gateway.status(id).orElseThrow();
    }

    @Test
    void the_store_writes_stream_by_stream() {
        assertThat(store.atomicAcrossStreams()).isFalse();
    }

    @Test
    void a_fault_between_the_barn_append_and_the_cow_append_is_finished_by_a_resume() {
        String cow = HerdFixture.tag();
        String a = HerdFixture.barn();
        String b = HerdFixture.barn();
        herd().arrive(cow, a);
        faults().failAppendsTo(Herd.COW.stream(cow)::equals, "the blob of " + cow + " is unreachable");
        String id = "azure-" + UUID.randomUUID();
        gateway.submit(HerdFixture.move(id, cow, b));

        CommandStatus failed = awaitState(id, CommandState.FAILED);
        // The barn entered went first (a refusal there would have come before any other change); the cow is not moved.
        assertThat(failed.events()).extracting(CommandStatus.AppendedEvent::stream)
                .containsExactly(Herd.PLACES.stream(b).toString());
        assertThat(herd().housed(b)).containsExactly(cow);
        assertThat(herd().cow(cow).barn()).isEqualTo(a);

        faults().heal();
        gateway.resume(id, "mary");
        CommandStatus done = awaitState(id, CommandState.COMPLETED);
        assertThat(done.events()).extracting(CommandStatus.AppendedEvent::eventType)
                .containsExactly("AnimalHoused", "HerdCowMoved", "AnimalLeftBarn");
        assertThat(herd().cow(cow).barn()).isEqualTo(b);
        assertThat(herd().eventTypes(Herd.PLACES.stream(b))).containsExactly("AnimalHoused");
        herd().assertPlacesAgree(List.of(a, b), List.of(cow));
    }

    @Test
    void a_sale_between_the_barn_append_and_the_cow_append_refuses_the_move_and_gives_the_place_back_once() {
        String cow = HerdFixture.tag();
        String a = HerdFixture.barn();
        String b = HerdFixture.barn();
        herd().arrive(cow, a);
        StreamId barnB = Herd.PLACES.stream(b);
        faults().justBeforeAppendingTo(Herd.COW.stream(cow)::equals, () -> {
            herd().sellBehindTheBack(cow, a);
            // and the hub "dies" right after it gave the place back, before the command stream says so
            faults().failAfterAppending(barnB::equals, 1, "killed after giving back");
        });
        String id = "azure-" + UUID.randomUUID();
        gateway.submit(HerdFixture.move(id, cow, b));

        CommandStatus refused = awaitState(id, CommandState.INVALID);

        assertThat(refused.errors()).extracting(CommandStatus.Error::code).containsExactly("ANIMAL_NOT_ON_FARM");
        assertThat(herd().eventTypes(barnB)).containsExactly("AnimalHoused", "AnimalLeftBarn");
        assertThat(store.read(barnB).get(1)).extracting(EventEnvelope::eventId, EventEnvelope::correlationId)
                .containsExactly(CommandKeys.compensationEventId(id, barnB, 0), id);
        assertThat(refused.events()).extracting(CommandStatus.AppendedEvent::stream, CommandStatus.AppendedEvent::eventType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(barnB.toString(), "AnimalHoused"),
                        org.assertj.core.groups.Tuple.tuple(barnB.toString(), "AnimalLeftBarn"));
        assertThat(herd().housed(b)).isEmpty();
        herd().assertPlacesAgree(List.of(a, b), List.of(cow));
    }

    @Test
    void a_stream_the_decision_only_read_is_checked_before_the_first_write_and_a_change_there_means_deciding_again() {
        String cow = HerdFixture.tag();
        String newcomer = HerdFixture.tag();
        String a = HerdFixture.barn();
        String b = HerdFixture.barn();
        herd().arrive(cow, a);
        herd().arriveOnlyInBarn(cow, b); // her place in b is taken already: the move only reads b
        faults().justBeforeCheckingVersionOf(Herd.PLACES.stream(b)::equals, () -> herd().arrive(newcomer, b));
        String id = "azure-" + UUID.randomUUID();
        gateway.submit(HerdFixture.move(id, cow, b));

        CommandStatus done = awaitState(id, CommandState.COMPLETED);

        assertThat(done.steps()).filteredOn(s -> s.step().equals("handle")).singleElement()
                .satisfies(s -> assertThat(s.detail()).endsWith("decided 2 times"));
        assertThat(herd().eventTypes(Herd.PLACES.stream(b))).containsExactly("AnimalHoused", "AnimalHoused");
        herd().assertPlacesAgree(List.of(a, b), List.of(cow, newcomer));
    }

    @Test
    void a_conflict_on_the_barn_left_after_the_cow_moved_is_finished_not_decided_again() {
        String cow = HerdFixture.tag();
        String neighbour = HerdFixture.tag();
        String a = HerdFixture.barn();
        String b = HerdFixture.barn();
        herd().arrive(cow, a);
        herd().arrive(neighbour, a);
        // Another command moves the neighbour out of a between the cow's append and a's.
        faults().justBeforeAppendingTo(Herd.PLACES.stream(a)::equals, () -> herd().sellBehindTheBack(neighbour, a));
        String id = "azure-" + UUID.randomUUID();
        gateway.submit(HerdFixture.move(id, cow, b));

        CommandStatus done = awaitState(id, CommandState.COMPLETED);

        assertThat(done.events()).extracting(CommandStatus.AppendedEvent::eventType)
                .containsExactly("AnimalHoused", "HerdCowMoved", "AnimalLeftBarn");
        assertThat(herd().housed(a)).isEmpty();
        herd().assertPlacesAgree(List.of(a, b), List.of(cow, neighbour));
    }

    @Test
    void a_barn_place_stored_before_a_crash_and_not_yet_recorded_is_still_given_back_when_the_move_is_refused() {
        String cow = HerdFixture.tag();
        String calf = HerdFixture.tag();
        String a = HerdFixture.barn();
        String b = HerdFixture.barn();
        herd().arrive(cow, a);
        herd().arrive(calf, a);
        StreamId barnB = Herd.PLACES.stream(b);
        StreamId cowStream = Herd.COW.stream(cow);
        // The barn's append is stored, then the hub "dies" before recording it. When the step goes on, the calf
        // (only read) has moved on, and another command sells the cow before her append.
        faults().failAfterAppending(barnB::equals, 1, "killed after the barn append");
        faults().justBeforeAppendingTo(barnB::equals, () -> faults().justBeforeCheckingVersionOf(
                Herd.COW.stream(calf)::equals, () -> {
                    herd().touch(calf);
                    faults().justBeforeAppendingTo(cowStream::equals, () -> herd().sellBehindTheBack(cow, a));
                }));
        String id = "azure-" + UUID.randomUUID();
        gateway.submit(HerdFixture.move(id, cow, b, calf));

        CommandStatus refused = awaitState(id, CommandState.INVALID);

        assertThat(refused.errors()).extracting(CommandStatus.Error::code).containsExactly("ANIMAL_NOT_ON_FARM");
        assertThat(herd().eventTypes(barnB)).containsExactly("AnimalHoused", "AnimalLeftBarn");
        assertThat(herd().housed(b)).isEmpty();
        herd().assertPlacesAgree(List.of(a, b), List.of(cow, calf));
    }
}
