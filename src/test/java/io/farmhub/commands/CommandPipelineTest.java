package io.farmhub.commands;

import io.farmhub.notify.NotificationMessages;
import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.commands.tally.Tally;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.EventEnvelope;
import io.farmhub.notify.Notification;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A command's way through the pipeline: completed, rejected, known again, watched. */
class CommandPipelineTest extends PipelineTestBase {

    @Test
    void a_command_runs_through_every_step_and_completes_with_its_events_listed() throws Exception {
        String id = "mary/counts.csv#1";
        String tally = tally();
        String eventId = CommandKeys.eventId(id, Tally.AGGREGATE.stream(tally), 0);
        NotifyBuilder announced = new NotifyBuilder(camel).fromRoute("farm-events")
                .filter(e -> NotificationMessages.of(e).stream().anyMatch(n -> eventId.equals(n.id()))).whenDone(1)
                .create();
        NotifyBuilder completed = new NotifyBuilder(camel).fromRoute("farm-commands")
                .filter(e -> NotificationMessages.of(e).stream().anyMatch(n -> n.data().path("commandId").asText()
                        .equals(id) && n.data().path("state").asText().equals("COMPLETED"))).whenDone(1).create();

        Submission submission = gateway.submit(count(id, tally, 3));

        assertThat(submission).isInstanceOf(Submission.Accepted.class);
        assertThat(((Submission.Accepted) submission).status().state()).isEqualTo(CommandState.CREATED);
        CommandStatus status = awaitState(id, CommandState.COMPLETED);
        assertThat(steps(status)).containsExactly("log-parameters:done", "authorise:done", "validate:done",
                "handle:done", "record-events:done", "publish:done", "complete:done");
        assertThat(status.events()).containsExactly(
                new CommandStatus.AppendedEvent("farm/tally/" + tally, 1, "Counted"));
        assertThat(status.errors()).isEmpty();
        assertThat(status.submittedBy()).isEqualTo("mary");

        List<EventEnvelope> events = tallyEvents(tally);
        assertThat(events).hasSize(1);
        EventEnvelope event = events.get(0);
        assertThat(event.eventId()).isEqualTo(eventId);
        assertThat(event.correlationId()).isEqualTo(id);
        assertThat(event.who()).isEqualTo("mary");
        assertThat(event.source()).isEqualTo("api:mary");
        assertThat(event.occurredAt()).isEqualTo("2026-11-20");
        assertThat(event.data().path("by").asInt()).isEqualTo(3);

        assertThat(announced.matches(10, TimeUnit.SECONDS)).as("farm.event-appended announced").isTrue();
        assertThat(completed.matches(10, TimeUnit.SECONDS)).as("farm.command-state-changed announced").isTrue();
        assertThat(store.read(CommandKeys.stream("Count", id))).extracting(EventEnvelope::eventType)
                .startsWith("CommandCreated").endsWith("CommandStepDone");
    }

    @Test
    void a_rule_broken_in_validation_makes_the_command_invalid_and_is_recorded_in_command_errors() {
        String id = id();
        gateway.submit(new CommandRequest("Count", id,
                json("{\"tally\":\"North Field\",\"by\":0,\"countedOn\":\"2999-01-01\"}"), "mary",
                CommandSource.inbox("mary/counts.csv", 4)));

        CommandStatus status = awaitState(id, CommandState.INVALID);
        assertThat(status.errors()).extracting(CommandStatus.Error::code, CommandStatus.Error::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MALFORMED", "tally"),
                        org.assertj.core.groups.Tuple.tuple("OUT_OF_RANGE", "by"),
                        org.assertj.core.groups.Tuple.tuple("DATE_IN_FUTURE", "countedOn"));
        assertThat(status.errors()).allMatch(CommandStatus.Error::fatal);
        assertThat(steps(status)).endsWith("validate:rejected");
        assertThat(errors.recent(50)).filteredOn(e -> e.commandId().equals(id))
                .extracting(CommandError::code)
                .containsExactlyInAnyOrder("MALFORMED", "OUT_OF_RANGE", "DATE_IN_FUTURE");
        CommandError recorded = errors.recent(50).stream().filter(e -> e.commandId().equals(id)).findFirst()
                .orElseThrow();
        assertThat(recorded.submittedBy()).isEqualTo("mary");
        assertThat(recorded.source().document()).isEqualTo("mary/counts.csv");
        assertThat(recorded.message()).isNotBlank();
    }

    @Test
    void a_rule_broken_in_the_decision_makes_the_command_invalid_and_appends_nothing() {
        String tally = tally();
        String id = id();
        gateway.submit(count(id, tally, Tally.CAPACITY + 1));
        CommandStatus status = awaitState(id, CommandState.INVALID);
        assertThat(status.errors()).extracting(CommandStatus.Error::code).containsExactly("OUT_OF_RANGE");
        assertThat(steps(status)).endsWith("handle:rejected");
        assertThat(tallyEvents(tally)).isEmpty();
        assertThat(errors.recent(50)).anyMatch(e -> e.commandId().equals(id) && e.code().equals("OUT_OF_RANGE"));
    }

    @Test
    void unknown_types_malformed_payloads_and_forbidden_users_end_invalid_with_their_code() {
        String unknown = id();
        gateway.submit(new CommandRequest("PaintTheBarn", unknown, json("{}"), "mary", CommandSource.api("mary")));
        String malformed = id();
        gateway.submit(new CommandRequest("Count", malformed,
                json("{\"tally\":\"north\",\"by\":\"lots\",\"countedOn\":\"2026-11-20\"}"), "mary",
                CommandSource.api("mary")));
        String forbidden = id();
        gateway.submit(new CommandRequest("Count", forbidden, count(forbidden, tally(), 1).payload(),
                PipelineTestConfiguration.STRANGER, CommandSource.api(PipelineTestConfiguration.STRANGER)));

        assertThat(awaitState(unknown, CommandState.INVALID).errors()).extracting(CommandStatus.Error::code)
                .containsExactly("UNKNOWN_COMMAND");
        CommandStatus.Error bad = awaitState(malformed, CommandState.INVALID).errors().get(0);
        assertThat(bad.code()).isEqualTo("MALFORMED");
        assertThat(bad.field()).isEqualTo("by");
        CommandStatus refused = awaitState(forbidden, CommandState.INVALID);
        assertThat(refused.errors()).extracting(CommandStatus.Error::code).containsExactly("FORBIDDEN");
        assertThat(steps(refused)).endsWith("authorise:rejected");
        assertThat(errors.recent(100)).extracting(CommandError::commandId).contains(unknown, malformed, forbidden);
    }

    @Test
    void the_same_id_and_payload_is_already_known_and_a_different_payload_is_a_mismatch() {
        String id = id();
        String tally = tally();
        assertThat(gateway.submit(count(id, tally, 2))).isInstanceOf(Submission.Accepted.class);
        awaitState(id, CommandState.COMPLETED);

        CommandRequest reordered = new CommandRequest("Count", id,
                json("{\"countedOn\":\"2026-11-20\",\"by\":2.0,\"tally\":\"" + tally + "\"}"), "mary",
                CommandSource.api("mary"));
        Submission again = gateway.submit(reordered);
        assertThat(again).isInstanceOf(Submission.AlreadyKnown.class);
        assertThat(((Submission.AlreadyKnown) again).status().state()).isEqualTo(CommandState.COMPLETED);

        Submission changed = gateway.submit(count(id, tally, 5));
        assertThat(changed).isInstanceOf(Submission.PayloadMismatch.class);
        assertThat(((Submission.PayloadMismatch) changed).existing().commandType()).isEqualTo("Count");
        Submission otherType = gateway.submit(countBoth(id, tally, tally(), 2));
        assertThat(otherType).isInstanceOf(Submission.PayloadMismatch.class);

        assertThat(tallyEvents(tally)).hasSize(1);
        assertThat(gateway.status(id).orElseThrow().state()).isEqualTo(CommandState.COMPLETED);
    }

    @Test
    void a_watcher_hears_every_step_until_the_command_completes() throws Exception {
        String id = id();
        List<CommandStatus> heard = new CopyOnWriteArrayList<>();
        try (AutoCloseable watching = gateway.watch(id, heard::add)) {
            gateway.submit(count(id, tally(), 1));
            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> !heard.isEmpty() && heard.get(heard.size() - 1).state() == CommandState.COMPLETED);
        }
        assertThat(heard).extracting(CommandStatus::state).startsWith(CommandState.CREATED)
                .contains(CommandState.VALIDATED, CommandState.IN_PROGRESS).endsWith(CommandState.COMPLETED);
        assertThat(heard.get(heard.size() - 1).steps()).hasSize(WorkflowStep.values().length);
        List<CommandStatus> late = new CopyOnWriteArrayList<>();
        gateway.watch(id, late::add).close();
        assertThat(late).extracting(CommandStatus::state).containsExactly(CommandState.COMPLETED);
    }

    @Test
    void recent_commands_are_listed_newest_first_and_by_state() {
        String first = id();
        String second = id();
        gateway.submit(count(first, tally(), 1));
        awaitState(first, CommandState.COMPLETED);
        gateway.submit(count(second, tally(), Tally.CAPACITY + 1));
        awaitState(second, CommandState.INVALID);
        assertThat(gateway.recent(null, 2)).extracting(CommandStatus::commandId).containsExactly(second, first);
        assertThat(gateway.recent(CommandState.INVALID, 100)).extracting(CommandStatus::commandId)
                .contains(second).doesNotContain(first);
        assertThat(gateway.status("never-sent")).isEmpty();
        assertThat(gateway.resume("never-sent", "mary")).isEmpty();
    }
}
