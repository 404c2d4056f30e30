package io.farmhub.bench;

import io.farmhub.commands.CommandGateway;
import io.farmhub.commands.Submission;
import io.farmhub.core.CommandRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The command pipeline's figures (issue 4), on the whole hub started in this process:
 * <ul>
 * <li>{@code commands.in-process}: RelocateAnimal and RecordMilking submitted through the CommandGateway by 16
 * threads, counted until every one is COMPLETED; baseline {@code commands.direct}: the same commands through the
 * generic handler with no Camel and no command stream, by 16 threads, on a SQLite store of the same kind.</li>
 * <li>{@code commands.http}: the same mix from 16 HTTP clients, until COMPLETED; baseline commands.in-process.</li>
 * <li>{@code commands.latency.p50} and {@code .p99}: submission to COMPLETED at a steady 500 commands/s (see
 * {@link SteadyLoad}); the p99 figure has the p50 as its baseline, so its ratio is the tail's spread.</li>
 * </ul>
 * Completion is observed through the gateway's watchers (as the SSE progress stream is), never by polling.
 */
final class CommandBench {

    static final int CLIENTS = 16;
    private static final int COWS = 2_000;
    private static final int ROUND = 2_000;
    private static final int ROUNDS = 3;
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private CommandBench() {
    }

    /** One way of sending a command: in-process, over HTTP, or straight to the handler. */
    interface Sender {
        void send(int client, CommandRequest request) throws Exception;
    }

    /** Runs the figures; answers commands.in-process, the baseline of later figures of the same run. */
    static Figure run(Path dir, Report report) throws Exception {
        Figure direct;
        try (DirectHandling handling = new DirectHandling(dir.resolve("direct.db"))) {
            HerdWorkload herd = new HerdWorkload("direct", COWS);
            inParallel(herd.fields(), (c, r) -> handling.handle(r));
            inParallel(herd.purchases(), (c, r) -> handling.handle(r));
            direct = report.add(Figure.of("commands.direct", Measure.medianOfRounds(ROUNDS, ROUND,
                    n -> timed(herd.next(n), (c, r) -> handling.handle(r))), "commands/s",
                    "baseline: the generic handler straight on the store, no Camel, no command stream"));
        }
        try (BenchHub hub = BenchHub.start(dir.resolve("hub"))) {
            CommandGateway gateway = hub.gateway();
            HerdWorkload herd = new HerdWorkload("hub", COWS);
            untilCompleted(gateway, herd.fields(), (c, r) -> accepted(gateway.submit(r), r));
            untilCompleted(gateway, herd.purchases(), (c, r) -> accepted(gateway.submit(r), r));
            Figure inProcess = report.add(Figure.against("commands.in-process", Measure.medianOfRounds(ROUNDS, ROUND,
                    n -> untilCompleted(gateway, herd.next(n), (c, r) -> accepted(gateway.submit(r), r))), "commands/s",
                    direct, "≥ 2,000 commands/s"));
            HttpSender http = new HttpSender(hub.commandsUri(), BenchHub.API_KEY, CLIENTS);
            report.add(Figure.against("commands.http", Measure.medianOfRounds(ROUNDS, ROUND,
                    n -> untilCompleted(gateway, herd.next(n), http::send)), "commands/s", inProcess,
                    "≥ 1,000 commands/s"));
            SteadyLoad.run(gateway, herd, report);
            return inProcess;
        }
    }

    /** Commands per second from the first submission until the last one COMPLETED. */
    static double untilCompleted(CommandGateway gateway, List<CommandRequest> batch, Sender sender) throws Exception {
        Completions completions = new Completions(gateway, batch);
        long start = System.nanoTime();
        inParallel(batch, sender);
        completions.await(PATIENCE);
        return batch.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static double timed(List<CommandRequest> batch, Sender sender) throws Exception {
        long start = System.nanoTime();
        inParallel(batch, sender);
        return batch.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** {@link #CLIENTS} threads, each sending its share of the batch one after the other. */
    static void inParallel(List<CommandRequest> batch, Sender sender) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    for (int i = client; i < batch.size(); i += CLIENTS) {
                        sender.send(client, batch.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static void accepted(Submission submission, CommandRequest request) {
        if (!(submission instanceof Submission.Accepted)) {
            throw new IllegalStateException(request.commandId() + " was not accepted: " + submission);
        }
    }
}
