package io.farmhub.commands;

import io.farmhub.core.CommandRequest;
import io.farmhub.core.StreamId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The command gateway: records a command's first entry, then hands its id to the {@code command-workflow} route
 * and returns without waiting. The commandId makes a command idempotent: the same id with the same type and
 * payload (by canonical hash) is the command already known; with another, a mismatch.
 */
@Component
public class CommandPipeline implements CommandGateway {

    private static final Logger log = LoggerFactory.getLogger(CommandPipeline.class);

    private final CommandLog commands;
    private final CommandIndex index;
    private final CommandWatchers watchers;
    private final ProducerTemplate producer;
    private final String workflow;
    /** The workflow's endpoint, resolved once: resolving its URI on every command cost more than the send. */
    private volatile Endpoint endpoint;

    public CommandPipeline(CommandLog commands, CommandIndex index, CommandWatchers watchers,
            ProducerTemplate producer, @Value("${farmhub.routes.commands.workflow}") String workflow) {
        this.commands = commands;
        this.index = index;
        this.watchers = watchers;
        this.producer = producer;
        this.workflow = workflow;
    }

    @Override
    public Submission submit(CommandRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.commandId() == null || request.commandId().isBlank()) {
            throw new IllegalArgumentException("a command needs a commandId by the time it is submitted");
        }
        String commandId = request.commandId();
        StreamId stream = CommandKeys.stream(request.commandType(), commandId);
        String hash = PayloadHash.of(request.commandType(), request.payload());
        Optional<CommandIndex.Entry> indexed = index.find(commandId);
        if (indexed.isPresent() && !indexed.get().stream().equals(stream)) {
            // Another command type (a different command, unless it was never written), or the id ran in a batch.
            Optional<CommandProgress> other = commands.load(indexed.get());
            if (other.isPresent()) {
                return hash.equals(other.get().payloadHash()) && request.commandType().equals(other.get().commandType())
                        ? new Submission.AlreadyKnown(other.get().status())
                        : new Submission.PayloadMismatch(other.get().status());
            }
        }
        index.put(commandId, stream, commands.now());
        CommandEntry.Created created = new CommandEntry.Created(commandId, request.commandType(), request.payload(),
                hash, request.submittedBy(), request.source(), commands.now(), request.grantedRoles());
        Optional<CommandProgress> fresh = commands.create(stream, created);
        if (fresh.isPresent()) {
            drive(fresh.get());
            return new Submission.Accepted(fresh.get().status());
        }
        CommandProgress existing = commands.load(stream).orElseThrow(() -> new IllegalStateException(
                "command " + commandId + " was neither created nor found on " + stream));
        return hash.equals(existing.payloadHash())
                ? new Submission.AlreadyKnown(existing.status())
                : new Submission.PayloadMismatch(existing.status());
    }

    @Override
    public Optional<CommandStatus> status(String commandId) {
        return commands.load(commandId).map(CommandProgress::status);
    }

    @Override
    public List<CommandStatus> recent(CommandState state, int limit) {
        return index.recent(state, limit).stream()
                .map(commands::load)
                .flatMap(Optional::stream)
                .map(CommandProgress::status)
                .filter(s -> state == null || s.state() == state)
                .toList();
    }

    /**
     * FAILED: recorded as resumed by {@code by} and driven from its last completed step. Still running: driven
     * again (nothing is recorded: nothing about the command changed).
     */
    @Override
    public Optional<CommandStatus> resume(String commandId, String by) {
        Optional<CommandProgress> found = commands.load(commandId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CommandProgress p = found.get();
        if (p.state() == CommandState.FAILED) {
            p = commands.record(p, new CommandEntry.Resumed(by, commands.now()))
                    .orElseGet(() -> commands.reload(found.get()));
        }
        if (!p.state().terminal()) {
            drive(p);
        }
        return Optional.of(p.status());
    }

    @Override
    public AutoCloseable watch(String commandId, Consumer<CommandStatus> onChange) {
        AutoCloseable handle = watchers.add(commandId, onChange);
        Optional<CommandStatus> now = status(commandId);
        now.ifPresent(onChange);
        if (now.isPresent() && now.get().state().terminal()) {
            try {
                handle.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return handle;
    }

    /**
     * Starts (or goes on with) a command's workflow without waiting for it, handing over the progress just
     * recorded so the workflow need not read it back. If the hand-over fails the command is still recorded, and
     * reconciliation drives it later.
     */
    void drive(CommandProgress progress) {
        try {
            Endpoint target = endpoint;
            if (target == null) {
                target = producer.getCamelContext().getEndpoint(workflow);
                endpoint = target;
            }
            producer.sendBody(target, progress);
        } catch (RuntimeException e) {
            log.warn("could not start the workflow of command {} now; reconciliation will: {}", progress.commandId(),
                    e.getMessage());
        }
    }
}
