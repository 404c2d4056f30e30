package io.farmhub.bench;

import io.farmhub.commands.CommandGateway;
import io.farmhub.commands.CommandState;
import io.farmhub.commands.CommandStatus;
import io.farmhub.core.CommandRequest;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a batch of commands to end, by watching them through the gateway (the hub calls back on each step it
 * records: no polling load on the hub), and notes when each one COMPLETED. Watchers are set before the commands
 * are submitted, so no step can be missed. A command that ends any other way spoils the measurement: it is an
 * error, not a slower number.
 */
final class Completions {

    private final long[] completedAt;
    private final CountDownLatch ended;
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();

    Completions(CommandGateway gateway, List<CommandRequest> batch) throws Exception {
        completedAt = new long[batch.size()];
        ended = new CountDownLatch(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            int position = i;
            CommandRequest request = batch.get(i);
            // Closed by the hub once the command is terminal.
            gateway.watch(request.commandId(), status -> ended(position, request, status));
        }
    }

    private void ended(int position, CommandRequest request, CommandStatus status) {
        if (!status.state().terminal() || completedAt[position] != 0) {
            return;
        }
        completedAt[position] = System.nanoTime();
        if (status.state() != CommandState.COMPLETED) {
            failures.add(request.commandType() + " " + request.commandId() + " ended " + status.state() + " "
                    + status.errors());
        }
        ended.countDown();
    }

    void await(Duration timeout) throws InterruptedException {
        if (!ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(ended.getCount() + " commands did not end within " + timeout);
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " commands did not complete, e.g. " + failures.peek());
        }
    }

    /** {@link System#nanoTime()} when the command at {@code position} COMPLETED. */
    long completedAt(int position) {
        return completedAt[position];
    }
}
