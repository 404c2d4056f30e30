package io.farmhub.commands;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.CommandSource;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.NewEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a command's own stream {@code command/<CommandType>/<commandId>} records, one entry per step outcome.
 * The {@code command-status} projection ({@link CommandProgress#fold}) is a pure fold over these entries.
 * Each entry names the instant it was made ({@code at}), which is also its envelope's {@code occurredAt}.
 */
public sealed interface CommandEntry extends DomainEvent {

    Instant at();

    @Override
    default String occurredAt() {
        return at().toString();
    }

    /** The stable logical names under which these entries are stored. */
    Map<String, Class<? extends CommandEntry>> TYPES = Map.of(
            "CommandCreated", Created.class,
            "CommandStepDone", StepDone.class,
            "CommandRejected", Rejected.class,
            "CommandDecided", Decided.class,
            "CommandStreamAppended", Appended.class,
            "CommandStreamCompensated", Compensated.class,
            "CommandFailed", Failed.class,
            "CommandResumed", Resumed.class);

    /**
     * CREATED: the command as submitted, with the canonical hash of its type and payload, and the roles a bearer
     * token granted its submitter (absent for configured users: their configured roles apply).
     */
    record Created(String commandId, String commandType, JsonNode payload, String payloadHash,
            String submittedBy, CommandSource source, Instant at,
            @JsonInclude(JsonInclude.Include.NON_NULL) Set<String> grantedRoles) implements CommandEntry {

        public Created(String commandId, String commandType, JsonNode payload, String payloadHash,
                String submittedBy, CommandSource source, Instant at) {
            this(commandId, commandType, payload, payloadHash, submittedBy, source, at, null);
        }
    }

    /** A step finished; {@code detail} says what it did, for people. */
    record StepDone(String step, String detail, Instant at) implements CommandEntry {
    }

    /** A step found the command cannot complete as sent: INVALID, final. */
    record Rejected(String step, List<CommandStatus.Error> errors, Instant at) implements CommandEntry {
    }

    /**
     * The handler decided (attempt {@code attempt}, counted from 1): the events it will append, stream by stream,
     * with derived ids, so appending them again after a crash is a no-op; {@code unchanged} says why a decision
     * with no events changes nothing (a reading within the dead band, a stale one), when the decider said.
     */
    record Decided(int attempt, List<PlannedAppend> changes, Instant at,
            @JsonInclude(JsonInclude.Include.NON_NULL) String unchanged) implements CommandEntry {

        public Decided(int attempt, List<PlannedAppend> changes, Instant at) {
            this(attempt, changes, at, null);
        }
    }

    /**
     * One stream of a decision, read at {@code expectedVersion}. With no events it is a guard: a stream the decision
     * read and does not change, whose version must still hold when the decision's events are stored.
     */
    record PlannedAppend(String stream, long expectedVersion, List<NewEvent> events) {
        @JsonIgnore
        public boolean guard() {
            return events.isEmpty();
        }
    }

    /** One planned append is stored; the command never appends to this stream again. */
    record Appended(String stream, List<CommandStatus.AppendedEvent> events, List<String> eventIds, boolean duplicate,
            Instant at) implements CommandEntry {
    }

    /**
     * What this command had taken on a stream it appended to (a barn place, a pledge) is given back, because
     * deciding again refused the command or left that stream out ({@code Compensations}); ids derive from the
     * command, so a re-driven command gives back once.
     */
    record Compensated(String stream, List<CommandStatus.AppendedEvent> events, List<String> eventIds, Instant at)
            implements CommandEntry {
    }

    /** Infrastructure faults stopped a step after its retries: FAILED, resumable. The cause, never a stack trace. */
    record Failed(String step, String message, Instant at) implements CommandEntry {
    }

    /** The user {@code by} asked a FAILED command to go on from its last completed step. */
    record Resumed(String by, Instant at) implements CommandEntry {
    }
}
