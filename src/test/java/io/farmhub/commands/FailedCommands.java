package io.farmhub.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.CommandSource;
import io.farmhub.core.StreamId;

/**
 * Writes a command's stream as infrastructure faults leave it: created, then FAILED before its first step, never
 * driven. For tests outside this package that need a FAILED command without a broken store.
 */
public final class FailedCommands {

    private FailedCommands() {
    }

    public static void record(CommandLog log, CommandIndex index, String commandId, String commandType,
            JsonNode payload, String submittedBy) {
        StreamId stream = CommandKeys.stream(commandType, commandId);
        index.put(commandId, stream, log.now());
        CommandProgress created = log.create(stream, new CommandEntry.Created(commandId, commandType, payload,
                PayloadHash.of(commandType, payload), submittedBy, CommandSource.api(submittedBy), log.now()))
                .orElseThrow();
        log.record(created, new CommandEntry.Failed(WorkflowStep.LOG_PARAMETERS.label(), "the disk was full",
                log.now())).orElseThrow();
    }
}
