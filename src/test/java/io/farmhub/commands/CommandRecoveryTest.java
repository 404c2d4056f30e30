package io.farmhub.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.farmhub.commands.tally.Tally;
import io.farmhub.commands.tally.TallyCommands;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.Json;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.EventStoreException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Conflicts, infrastructure faults, crashes and stalls: the command still ends, and nothing is written twice. */
class CommandRecoveryTest extends PipelineTestBase {

    @Autowired
    CommandLog log;
    @Autowired
    CommandIndex index;
    @Autowired
    CommandWorkflow workflow;

    /** Another command's event, written straight to the store between the handler's read and its append. */
    private void countBehindTheBack(StreamId stream) {
        NewEvent foreign = new NewEvent(UUID.randomUUID().toString(), "Counted", 1, "2026-11-20", "other", "other",
                "hank", "api:hank", null, Json.MAPPER.valueToTree(new Tally.Counted(stream.key(), 1,
                        java.time.LocalDate.parse("2026-11-20"))));
        store.append(stream, EventStore.ANY, List.of(foreign));
    }

    @Test
    void a_stale_read_is_decided_again_until_the_append_fits() {
        String tally = tally();
        AtomicInteger interfere = new AtomicInteger(2);
        TallyCommands.interference = (stream, t) -> {
            if (t.equals(tally) && interfere.getAndDecrement() > 0) {
                countBehindTheBack(stream);
            }
        };
        String id = id();
        gateway.submit(count(id, tally, 5));

        CommandStatus status = awaitState(id, CommandState.COMPLETED);
        assertThat(log.load(id).orElseThrow().decisions()).isEqualTo(3);
        assertThat(steps(status)).contains("handle:done");
        assertThat(status.events()).containsExactly(new CommandStatus.AppendedEvent("farm/tally/" + tally, 3, "Counted"));
        List<EventEnvelope> events = tallyEvents(tally);
        assertWellFormed(events);
        assertThat(events).extracting(EventEnvelope::correlationId).containsExactly("other", "other", id);
    }

    @Test
    void a_read_that_is_always_stale_ends_invalid_with_conflict_after_five_decisions() {
        String tally = tally();
        TallyCommands.interference = (stream, t) -> {
            if (t.equals(tally)) {
                countBehindTheBack(stream);
            }
        };
        String id = id();
        gateway.submit(count(id, tally, 5));

        CommandStatus status = awaitState(id, CommandState.INVALID);
        assertThat(status.errors()).extracting(CommandStatus.Error::code).containsExactly("CONFLICT");
        assertThat(log.load(id).orElseThrow().decisions()).isEqualTo(HandleStep.MAX_DECISIONS);
        assertThat(steps(status)).endsWith("handle:rejected");
        assertThat(tallyEvents(tally)).extracting(EventEnvelope::correlationId).doesNotContain(id);
        assertThat(errors.recent(100)).anyMatch(e -> e.commandId().equals(id) && e.code().equals("CONFLICT"));
    }

    @Test
    void an_infrastructure_fault_fails_the_command_and_a_resume_finishes_it_without_repeating_an_append() {
        String first = tally();
        String second = tally();
        faults().failAppendsTo(s -> s.key().equals(second), "the disk holding " + second + " is on fire");
        String id = id();
        gateway.submit(countBoth(id, first, second, 4));

        CommandStatus failed = awaitState(id, CommandState.FAILED);
        assertThat(failed.errors()).containsExactly(new CommandStatus.Error(CommandProgress.INFRASTRUCTURE_FAULT,
                null, "the disk holding " + second + " is on fire", false));
        assertThat(steps(failed)).endsWith("validate:done", "handle:failed");
        // SQLite writes both tallies in one transaction: the fault on one leaves neither written
        assertThat(failed.events()).isEmpty();
        assertThat(tallyEvents(first)).isEmpty();
        assertThat(tallyEvents(second)).isEmpty();
        assertThat(errors.recent(100)).noneMatch(e -> e.commandId().equals(id));

        faults().heal();
        assertThat(gateway.resume(id, "mary").orElseThrow().state()).isIn(CommandState.IN_PROGRESS, CommandState.COMPLETED);
        CommandStatus done = awaitState(id, CommandState.COMPLETED);
        assertThat(steps(done)).containsSubsequence("handle:failed", "resume:done", "handle:done", "complete:done");
        assertThat(done.steps()).filteredOn(s -> s.step().equals("resume")).singleElement()
                .satisfies(s -> assertThat(s.by()).isEqualTo("mary"));
        assertThat(done.events()).extracting(CommandStatus.AppendedEvent::stream)
                .containsExactlyInAnyOrder("farm/tally/" + first, "farm/tally/" + second);
        assertThat(tallyEvents(first)).hasSize(1);
        assertThat(tallyEvents(second)).hasSize(1);
        assertThat(done.errors()).isEmpty();
    }

    @Test
    void a_crash_between_an_append_and_its_log_entry_writes_nothing_twice_when_the_command_is_driven_again() {
        String tally = tally();
        String id = id();
        CommandProgress p = createWithoutDriving(count(id, tally, 7));
        p = workflow.validate(workflow.authorise(workflow.logParameters(p)));
        assertThat(p.state()).isEqualTo(CommandState.VALIDATED);

        // The event reaches the store; the process "dies" before the command stream records it.
        faults().failAfterAppending(s -> s.key().equals(tally), 1, "killed");
        CommandProgress beforeCrash = p;
        assertThatThrownBy(() -> workflow.handle(beforeCrash)).isInstanceOf(EventStoreException.class);
        assertThat(tallyEvents(tally)).hasSize(1);
        CommandProgress afterCrash = log.load(id).orElseThrow();
        assertThat(afterCrash.appended()).isEmpty();
        assertThat(afterCrash.decision()).isNotNull();

        // Driven again from what the command stream says: the append is recognised, not repeated.
        CommandProgress again = workflow.handle(log.load(id).orElseThrow());
        again = workflow.complete(workflow.publish(workflow.recordEvents(again)));
        assertThat(again.state()).isEqualTo(CommandState.COMPLETED);
        assertThat(again.appended().values()).singleElement().extracting(CommandEntry.Appended::duplicate).isEqualTo(true);
        assertThat(again.status().events()).containsExactly(new CommandStatus.AppendedEvent("farm/tally/" + tally, 1,
                "Counted"));
        assertWellFormed(tallyEvents(tally));
        assertThat(tallyEvents(tally)).hasSize(1);

        // Driving a completed command again does nothing at all.
        long entries = store.version(p.stream());
        workflow.complete(workflow.handle(workflow.validate(log.load(id).orElseThrow())));
        assertThat(store.version(p.stream())).isEqualTo(entries);
    }

    @Test
    void reconciliation_drives_a_command_whose_workflow_never_started() {
        String tally = tally();
        String id = id();
        createWithoutDriving(count(id, tally, 2));

        CommandStatus status = awaitState(id, CommandState.COMPLETED);
        assertThat(status.events()).hasSize(1);
        assertThat(tallyEvents(tally)).hasSize(1);
    }

    /** What submit does before it hands the command to the workflow: as if the process died right there. */
    private CommandProgress createWithoutDriving(CommandRequest request) {
        StreamId stream = CommandKeys.stream(request.commandType(), request.commandId());
        Instant now = log.now();
        index.put(request.commandId(), stream, now);
        return log.create(stream, new CommandEntry.Created(request.commandId(), request.commandType(),
                request.payload(), PayloadHash.of(request.commandType(), request.payload()), request.submittedBy(),
                request.source(), now)).orElseThrow();
    }
}
