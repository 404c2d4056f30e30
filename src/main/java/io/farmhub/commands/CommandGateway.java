package io.farmhub.commands;

import io.farmhub.core.CommandRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one way into the command pipeline, for the REST API, the inbox, sensors and schedules alike. Every
 * command runs as a durable workflow recorded step by step on its own stream.
 */
public interface CommandGateway {

    /** Records the command (CREATED) and starts its workflow without waiting for it. */
    Submission submit(CommandRequest request);

    Optional<CommandStatus> status(String commandId);

    /** Recent commands, newest first, optionally only those in {@code state}. */
    List<CommandStatus> recent(CommandState state, int limit);

    /**
     * Drives a FAILED command again from its last completed step, recording {@code by} (the user who asked) on
     * the command's stream. Empty when the command is unknown.
     */
    Optional<CommandStatus> resume(String commandId, String by);

    /**
     * Calls {@code onChange} with the current status and then on every step recorded, until the command reaches
     * a terminal state or the returned handle is closed.
     */
    AutoCloseable watch(String commandId, Consumer<CommandStatus> onChange);
}
