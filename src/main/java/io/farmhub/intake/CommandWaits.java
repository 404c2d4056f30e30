package io.farmhub.intake;

import io.farmhub.commands.CommandGateway;
import io.farmhub.commands.CommandStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Waits for a command to reach a terminal state (COMPLETED, INVALID or FAILED), or for a deadline. It listens to the
 * command's steps ({@link CommandGateway#watch}) and also reads its status now and then, because a step recorded
 * by another hub (reconciliation, a second instance) is not heard here.
 */
@Component
public class CommandWaits {

    private final CommandGateway gateway;
    private final Duration recheck;

    public CommandWaits(CommandGateway gateway, @Value("${farmhub.inbox.status-recheck:PT1S}") Duration recheck) {
        this.gateway = gateway;
        this.recheck = recheck;
    }

    /**
     * The command's status once terminal, or its latest status at the deadline; empty only for a command the
     * pipeline does not know.
     */
    public Optional<CommandStatus> await(String commandId, Instant deadline) {
        AtomicReference<CommandStatus> latest = new AtomicReference<>();
        CompletableFuture<CommandStatus> terminal = new CompletableFuture<>();
        AutoCloseable watch = gateway.watch(commandId, status -> {
            latest.set(status);
            if (status.state().terminal()) {
                terminal.complete(status);
            }
        });
        try {
            while (true) {
                long wait = Math.min(recheck.toMillis(), Duration.between(Instant.now(), deadline).toMillis());
                if (wait > 0) {
                    try {
                        return Optional.of(terminal.get(wait, TimeUnit.MILLISECONDS));
                    } catch (TimeoutException e) {
                        // not heard yet: read the status below
                    }
                }
                Optional<CommandStatus> now = gateway.status(commandId);
                now.ifPresent(latest::set);
                if (now.isEmpty() || now.get().state().terminal() || !Instant.now().isBefore(deadline)) {
                    return Optional.ofNullable(latest.get());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.ofNullable(latest.get());
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for command " + commandId + " failed", e.getCause());
        } finally {
            stop(watch);
        }
    }

    private static void stop(AutoCloseable watch) {
        try {
            watch.close();
        } catch (Exception e) {
            // A watcher that cannot be removed only costs a little memory until the command ends.
        }
    }
}
