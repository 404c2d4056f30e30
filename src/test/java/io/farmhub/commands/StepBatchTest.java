package io.farmhub.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.StreamId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Steps that need no I/O share an append with their neighbours, and each is still its own entry, recorded before
 * any later step acts outside the stream. A batch is stored whole or not at all, so a crash around it repeats
 * nothing that was stored.
 */
class StepBatchTest extends PipelineTestBase {

    @Test
    void the_seven_steps_take_four_appends_each_step_its_own_entry_in_order() {
        String id = id();
        String tally = tally();
        gateway.submit(count(id, tally, 2));

        CommandStatus status = awaitState(id, CommandState.COMPLETED);
        StreamId stream = CommandKeys.stream("Count", id);
        // created | log-parameters, authorise, validate, decided | appended, record-events | publish, complete
        assertThat(faults().appendsTo(stream)).isEqualTo(4);
        assertThat(store.read(stream)).extracting(EventEnvelope::eventType).containsExactly("CommandCreated",
                "CommandStepDone", "CommandStepDone", "CommandStepDone", "CommandDecided", "CommandStreamAppended",
                "CommandStepDone", "CommandStepDone", "CommandStepDone");
        assertThat(steps(status)).containsExactly("log-parameters:done", "authorise:done", "validate:done",
                "handle:done", "record-events:done", "publish:done", "complete:done");
        // the handler's append came after the batch that holds the decision
        List<EventEnvelope> entries = store.read(stream);
        assertThat(entries.get(4).recordedAt()).isBeforeOrEqualTo(tallyEvents(tally).get(0).recordedAt());
    }

    @Test
    void a_batch_stored_just_before_a_crash_is_found_done_and_not_recorded_again() {
        String id = id();
        String tally = tally();
        StreamId stream = CommandKeys.stream("Count", id);
        // The first append after CommandCreated (the admit batch) is stored, then "the process dies".
        faults().failAfterAppending(s -> s.equals(stream) && faults().appendsTo(stream) == 2, 1, "killed");
        gateway.submit(count(id, tally, 3));

        CommandStatus status = awaitState(id, CommandState.COMPLETED);
        assertThat(steps(status)).containsExactly("log-parameters:done", "authorise:done", "validate:done",
                "handle:done", "record-events:done", "publish:done", "complete:done");
        assertThat(store.read(stream)).extracting(EventEnvelope::eventType)
                .filteredOn("CommandDecided"::equals).hasSize(1);
        assertThat(tallyEvents(tally)).hasSize(1);
    }
}
