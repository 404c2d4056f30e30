package io.farmhub.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.commands.herd.Herd;
import io.farmhub.commands.herd.HerdFixture;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.StreamId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A command that writes several streams, on SQLite: its whole decision (the barn entered, the barn left, the cow,
 * and a guard on every stream it only read) is one {@code appendAll}, one transaction. So a fault, a crash or a
 * conflict anywhere leaves no half of a move at all, and the barns' places always agree with the cows.
 */
class MultiStreamPipelineTest extends PipelineTestBase {

    @Autowired
    EventTypeRegistry types;

    private HerdFixture herd() {
        return new HerdFixture(store, types);
    }

    @Test
    void a_move_between_barns_writes_the_cow_and_both_barns_in_one_append() {
        String cow = HerdFixture.tag();
        String a = HerdFixture.barn();
        String b = HerdFixture.barn();
        herd().arrive(cow, a);
        String id = id();
        gateway.submit(HerdFixture.move(id, cow, b));

        CommandStatus done = awaitState(id, CommandState.COMPLETED);

        assertThat(done.events()).extracting(CommandStatus.AppendedEvent::eventType)
                .containsExactlyInAnyOrder("AnimalHoused", "HerdCowMoved", "AnimalLeftBarn");
        assertThat(herd().cow(cow).barn()).isEqualTo(b);
        herd().assertPlacesAgree(List.of(a, b), List.of(cow));
        assertThat(faults().appendsTo(Herd.PLACES.stream(b))).isEqualTo(1);
        assertThat(faults().appendsTo(Herd.COW.stream(cow))).isEqualTo(2); // the set-up, then the move
    }

    @Test
    void a_fault_on_the_cow_stream_leaves_no_half_of_the_move_and_a_resume_completes_it() {
        String cow = HerdFixture.tag();
        String a = HerdFixture.barn();
        String b = HerdFixture.barn();
        herd().arrive(cow, a);
        StreamId cowStream = Herd.COW.stream(cow);
        faults().failAppendsTo(cowStream::equals, "the disk holding " + cow + " is on fire");
        String id = id();
        gateway.submit(HerdFixture.move(id, cow, b));

        CommandStatus failed = awaitState(id, CommandState.FAILED);
        assertThat(failed.events()).isEmpty();
        assertThat(store.read(Herd.PLACES.stream(b))).isEmpty(); // the barn's append went with the cow's: not at all
        assertThat(herd().cow(cow).barn()).isEqualTo(a);
        herd().assertPlacesAgree(List.of(a, b), List.of(cow));

        faults().heal();
        gateway.resume(id, "mary");
        awaitState(id, CommandState.COMPLETED);
        assertThat(herd().cow(cow).barn()).isEqualTo(b);
        herd().assertPlacesAgree(List.of(a, b), List.of(cow));
    }

    @Test
    void a_crash_after_the_write_and_before_its_record_finishes_the_move_without_writing_twice() {
        String cow = HerdFixture.tag();
        String a = HerdFixture.barn();
        String b = HerdFixture.barn();
        herd().arrive(cow, a);
        faults().failAfterAppending(Herd.COW.stream(cow)::equals, 1, "killed");
        String id = id();
        gateway.submit(HerdFixture.move(id, cow, b));

        CommandStatus done = awaitState(id, CommandState.COMPLETED);

        assertThat(herd().eventTypes(Herd.PLACES.stream(b))).containsExactly("AnimalHoused");
        assertThat(herd().eventTypes(Herd.COW.stream(cow))).containsExactly("HerdCowArrived", "HerdCowMoved");
        assertThat(done.events()).hasSize(3);
        herd().assertPlacesAgree(List.of(a, b), List.of(cow));
    }

    @Test
    void a_sale_between_the_decision_and_the_write_refuses_the_move_and_nothing_of_it_was_ever_written() {
        String cow = HerdFixture.tag();
        String a = HerdFixture.barn();
        String b = HerdFixture.barn();
        herd().arrive(cow, a);
        faults().justBeforeAppendingTo(Herd.PLACES.stream(b)::equals, () -> herd().sellBehindTheBack(cow, a));
        String id = id();
        gateway.submit(HerdFixture.move(id, cow, b));

        CommandStatus refused = awaitState(id, CommandState.INVALID);

        assertThat(refused.errors()).extracting(CommandStatus.Error::code).containsExactly("ANIMAL_NOT_ON_FARM");
        assertThat(refused.events()).isEmpty();
        assertThat(store.read(Herd.PLACES.stream(b))).isEmpty();
        herd().assertPlacesAgree(List.of(a, b), List.of(cow));
    }

    @Test
    void a_stream_the_decision_only_read_is_guarded_and_a_change_there_means_deciding_again() {
        String cow = HerdFixture.tag();
        String newcomer = HerdFixture.tag();
        String a = HerdFixture.barn();
        String b = HerdFixture.barn();
        herd().arrive(cow, a);
        herd().arriveOnlyInBarn(cow, b); // her place in b is taken already: the move only reads b
        faults().justBeforeAppendingTo(Herd.COW.stream(cow)::equals, () -> herd().arrive(newcomer, b));
        String id = id();
        gateway.submit(HerdFixture.move(id, cow, b));

        CommandStatus done = awaitState(id, CommandState.COMPLETED);

        assertThat(done.steps()).filteredOn(s -> s.step().equals("handle")).singleElement()
                .satisfies(s -> assertThat(s.detail()).endsWith("decided 2 times"));
        assertThat(herd().eventTypes(Herd.PLACES.stream(b))).containsExactly("AnimalHoused", "AnimalHoused");
        herd().assertPlacesAgree(List.of(a, b), List.of(cow, newcomer));
    }
}
