package io.farmhub.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.farmhub.commands.CommandEntry.Appended;
import io.farmhub.commands.CommandEntry.Created;
import io.farmhub.commands.CommandEntry.Decided;
import io.farmhub.commands.CommandEntry.PlannedAppend;
import io.farmhub.commands.CommandEntry.StepDone;
import io.farmhub.core.CommandSource;
import io.farmhub.core.Json;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command-status projection, as a pure fold over a command's entries. */
class CommandProgressTest {

    private static final StreamId STREAM = CommandKeys.stream("RelocateAnimal", "c-1");
    private static final Instant T0 = Instant.parse("2026-11-27T05:00:00Z");

    private static Instant t(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private static Created created() {
        return new Created("c-1", "RelocateAnimal", Json.MAPPER.createObjectNode().put("earTag", "IE12345670012"),
                "hash", "mary", CommandSource.inbox("mary/moves.csv", 3), t(0));
    }

    private static StepDone done(WorkflowStep step, int at) {
        return new StepDone(step.label(), null, t(at));
    }

    private static PlannedAppend plan(String stream) {
        NewEvent event = new NewEvent("id-" + stream, "AnimalRelocated", 1, "2026-11-20", "c-1", "c-1", "mary", null,
                null, Json.MAPPER.createObjectNode());
        return new PlannedAppend(stream, 3, List.of(event));
    }

    private static Appended appended(String stream, long version, int at) {
        return new Appended(stream, List.of(new CommandStatus.AppendedEvent(stream, version, "AnimalRelocated")),
                List.of("id-" + stream), false, t(at));
    }

    private static CommandProgress fold(CommandEntry... entries) {
        return CommandProgress.fold(STREAM, Arrays.asList(entries)).orElseThrow();
    }

    @Test
    void a_new_command_is_created_with_who_sent_it_and_from_where() {
        CommandProgress p = fold(created());
        assertThat(p.state()).isEqualTo(CommandState.CREATED);
        assertThat(p.version()).isEqualTo(1);
        assertThat(p.status().submittedBy()).isEqualTo("mary");
        assertThat(p.status().source().document()).isEqualTo("mary/moves.csv");
        assertThat(p.status().createdAt()).isEqualTo(t(0));
        assertThat(p.nextStep()).isEqualTo(WorkflowStep.LOG_PARAMETERS);
        assertThat(p.needs(WorkflowStep.LOG_PARAMETERS)).isTrue();
    }

    @Test
    void an_empty_stream_is_no_command_and_a_stream_not_starting_with_created_is_corrupt() {
        assertThat(CommandProgress.fold(STREAM, List.of())).isEmpty();
        assertThatThrownBy(() -> CommandProgress.fold(STREAM, List.of(done(WorkflowStep.VALIDATE, 1))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_command_goes_through_every_state_to_completed_with_its_events_listed() {
        List<CommandEntry> entries = new ArrayList<>(List.of(created(), done(WorkflowStep.LOG_PARAMETERS, 1),
                done(WorkflowStep.AUTHORISE, 2), done(WorkflowStep.VALIDATE, 3)));
        assertThat(CommandProgress.fold(STREAM, entries).orElseThrow().state()).isEqualTo(CommandState.VALIDATED);
        entries.add(new Decided(1, List.of(plan("farm/cow/IE12345670012")), t(4)));
        CommandProgress decided = CommandProgress.fold(STREAM, entries).orElseThrow();
        assertThat(decided.state()).isEqualTo(CommandState.IN_PROGRESS);
        assertThat(decided.needs(WorkflowStep.HANDLE)).isTrue();
        assertThat(decided.pendingAppends()).hasSize(1);

        entries.add(appended("farm/cow/IE12345670012", 4, 5));
        CommandProgress handled = CommandProgress.fold(STREAM, entries).orElseThrow();
        assertThat(handled.needs(WorkflowStep.HANDLE)).isFalse();
        assertThat(handled.pendingAppends()).isEmpty();

        entries.addAll(List.of(done(WorkflowStep.RECORD_EVENTS, 6), done(WorkflowStep.PUBLISH, 7),
                done(WorkflowStep.COMPLETE, 8)));
        CommandProgress p = CommandProgress.fold(STREAM, entries).orElseThrow();
        assertThat(p.state()).isEqualTo(CommandState.COMPLETED);
        assertThat(p.status().events()).containsExactly(
                new CommandStatus.AppendedEvent("farm/cow/IE12345670012", 4, "AnimalRelocated"));
        assertThat(p.status().steps()).extracting(CommandStatus.Step::step, CommandStatus.Step::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("log-parameters", "done"),
                        org.assertj.core.groups.Tuple.tuple("authorise", "done"),
                        org.assertj.core.groups.Tuple.tuple("validate", "done"),
                        org.assertj.core.groups.Tuple.tuple("handle", "done"),
                        org.assertj.core.groups.Tuple.tuple("record-events", "done"),
                        org.assertj.core.groups.Tuple.tuple("publish", "done"),
                        org.assertj.core.groups.Tuple.tuple("complete", "done"));
        assertThat(p.status().updatedAt()).isEqualTo(t(8));
        assertThat(p.version()).isEqualTo(entries.size());
        assertThat(p.needs(WorkflowStep.COMPLETE)).isFalse();
    }

    @Test
    void a_rejection_makes_the_command_invalid_with_fatal_errors_and_nothing_more_to_do() {
        CommandProgress p = fold(created(), done(WorkflowStep.LOG_PARAMETERS, 1), done(WorkflowStep.AUTHORISE, 2),
                new CommandEntry.Rejected("validate", List.of(
                        new CommandStatus.Error("UNKNOWN_LOCATION", "to", "No field north-meadow.", true)), t(3)));
        assertThat(p.state()).isEqualTo(CommandState.INVALID);
        assertThat(p.status().errors()).extracting(CommandStatus.Error::code).containsExactly("UNKNOWN_LOCATION");
        assertThat(p.status().steps()).last().extracting(CommandStatus.Step::status).isEqualTo("rejected");
        for (WorkflowStep step : WorkflowStep.values()) {
            assertThat(p.needs(step)).as(step.label()).isFalse();
        }
    }

    @Test
    void a_failed_command_keeps_its_cause_and_a_resume_goes_on_where_it_stopped() {
        CommandProgress failed = fold(created(), done(WorkflowStep.LOG_PARAMETERS, 1), done(WorkflowStep.AUTHORISE, 2),
                done(WorkflowStep.VALIDATE, 3), new CommandEntry.Failed("handle", "disk full", t(4)));
        assertThat(failed.state()).isEqualTo(CommandState.FAILED);
        assertThat(failed.status().errors()).containsExactly(
                new CommandStatus.Error(CommandProgress.INFRASTRUCTURE_FAULT, null, "disk full", false));
        assertThat(failed.needs(WorkflowStep.HANDLE)).isFalse();
        assertThat(failed.nextStep()).isEqualTo(WorkflowStep.HANDLE);

        CommandProgress resumed = failed.evolve(new CommandEntry.Resumed("mary", t(5)));
        assertThat(resumed.state()).isEqualTo(CommandState.VALIDATED);
        assertThat(resumed.status().errors()).isEmpty();
        assertThat(resumed.needs(WorkflowStep.VALIDATE)).isFalse();
        assertThat(resumed.needs(WorkflowStep.HANDLE)).isTrue();
    }

    @Test
    void a_multi_stream_decision_is_handled_only_when_every_stream_is_appended() {
        CommandProgress p = fold(created(), done(WorkflowStep.LOG_PARAMETERS, 1), done(WorkflowStep.AUTHORISE, 2),
                done(WorkflowStep.VALIDATE, 3),
                new Decided(1, List.of(plan("farm/cow/IE1"), plan("farm/field/north")), t(4)),
                appended("farm/cow/IE1", 2, 5));
        assertThat(p.needs(WorkflowStep.HANDLE)).isTrue();
        assertThat(p.pendingAppends()).extracting(PlannedAppend::stream).containsExactly("farm/field/north");

        // deciding again after a conflict on the second stream: only what is missing is planned
        CommandProgress again = p.evolve(new Decided(2, List.of(plan("farm/field/north")), t(6)));
        assertThat(again.decisions()).isEqualTo(2);
        assertThat(again.pendingAppends()).extracting(PlannedAppend::stream).containsExactly("farm/field/north");
        CommandProgress handled = again.evolve(appended("farm/field/north", 7, 7));
        assertThat(handled.needs(WorkflowStep.HANDLE)).isFalse();
        assertThat(handled.status().events()).extracting(CommandStatus.AppendedEvent::stream)
                .containsExactly("farm/cow/IE1", "farm/field/north");
        assertThat(handled.status().steps()).last().extracting(CommandStatus.Step::detail)
                .isEqualTo("2 event(s) on 2 stream(s), decided 2 times");
        assertThat(handled.status().steps()).extracting(CommandStatus.Step::step).doesNotHaveDuplicates();
    }

    @Test
    void a_decision_with_nothing_to_append_is_handled_at_once() {
        CommandProgress p = fold(created(), done(WorkflowStep.LOG_PARAMETERS, 1), done(WorkflowStep.AUTHORISE, 2),
                done(WorkflowStep.VALIDATE, 3), new Decided(1, List.of(), t(4)));
        assertThat(p.needs(WorkflowStep.HANDLE)).isFalse();
        assertThat(p.status().events()).isEmpty();
    }
}
