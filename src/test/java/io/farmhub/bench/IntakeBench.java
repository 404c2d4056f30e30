package io.farmhub.bench;

import io.farmhub.FarmHubApplication;
import io.farmhub.commands.CommandGateway;
import io.farmhub.commands.CommandState;
import io.farmhub.commands.CommandStatus;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.Json;
import io.farmhub.intake.SensorBatch;
import io.farmhub.projection.SnapshotStore;
import io.farmhub.intake.SensorBatchResult;
import io.farmhub.intake.SensorBacklog;
import io.farmhub.intake.SensorIntake;
import io.farmhub.security.ApiKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The intake's figures, on a hub started in-process with its web server. {@code sensors.http}: barn-temperature
 * readings accepted (journaled, answered 202) per second through {@code POST /api/sensors/readings}, batches of 1,000
 * from 4 clients, beside {@code sensors.in-process}, the same readings read and journaled by SensorIntake without HTTP;
 * {@code sensors.http.p99-batch}: the p99 batch latency; {@code sensors.drain}: journaled readings turned into ended
 * commands per second, so acceptance is not mistaken for processing.
 * The inbox figures are {@link InboxBench}'s, on the same hub.
 */
final class IntakeBench {

    static final String GATEWAY = "bench-gate";
    static final String GATEWAY_KEY = "bench-gate-key";
    private static final String MANAGER = InboxBench.MANAGER;
    private static final int CLIENTS = 4;
    private static final int BATCH = 1_000;
    private static final int BATCHES_PER_CLIENT = 5;
    private static final int BARNS = 8;
    private static final Instant START = Instant.parse("2026-11-26T00:00:00Z");

    /** The parts {@code bench.only} can name here ({@link Selection}). */
    static final String[] PARTS = {"intake", "sensors", "inbox.documents", "inbox.large-form.memory",
            "inbox.form-in-order"};

    private IntakeBench() {
    }

    static void run(Path dir, Report report) throws Exception {
        Path data = dir.resolve("intake");
        try (ConfigurableApplicationContext hub = hub(data)) {
            CommandGateway gateway = hub.getBean(CommandGateway.class);
            for (int b = 0; b < BARNS; b++) {
                submit(gateway, "RegisterBarn", "bench-barn-" + b, "{\"barnCode\":\"bench-barn-" + b
                        + "\",\"name\":\"Bench " + b + "\",\"capacity\":100000}");
            }
            awaitCompleted(gateway, idsOf("bench-barn-", BARNS));
            if (Selection.any("intake", "sensors")) {
                sensors(hub, gateway, report);
            }
            InboxBench.run(data, gateway, hub.getBean(SnapshotStore.class), report);
        }
    }

    // --- sensors.http -------------------------------------------------------------------------------------------

    private static void sensors(ConfigurableApplicationContext hub, CommandGateway gateway, Report report)
            throws Exception {
        // In-process first: the same bodies, read and journaled by the route's own steps (SensorIntake), no HTTP.
        SensorIntake intake = hub.getBean(SensorIntake.class);
        SensorBacklog backlog = hub.getBean(SensorBacklog.class);
        ProducerTemplate producer = hub.getBean(ProducerTemplate.class);
        String wake = hub.getEnvironment().getProperty("farmhub.routes.sensor-drain");
        double[] unused = new double[CLIENTS * BATCHES_PER_CLIENT];
        long drainStart = System.nanoTime();
        double inProcess = clients("inproc", unused, body -> {
            Object answer = intake.journal((SensorBatch.Read) intake.read(body, GATEWAY));
            if (!(answer instanceof SensorBatchResult result) || result.accepted() != BATCH) {
                throw new IllegalStateException("in-process batch not accepted whole: " + answer);
            }
            producer.sendBody(wake, null); // as the sensor-readings route does after journaling
        });
        Figure baseline = report.add(Figure.of("sensors.in-process", inProcess, "readings/s",
                "baseline: the same readings read and journaled by SensorIntake in-process, without HTTP"));
        // The drain started with the first journaled chunk; timed until the cursor is past the last chunk, which it
        // moves once a chunk's readings have all ended (their events stored and announced). Looking every reading up
        // while timing would time the lookups: they are checked after.
        List<String> ids = readingIds("inproc");
        long journaled = backlog.journaled();
        org.awaitility.Awaitility.await("the drain at the journal's end").atMost(java.time.Duration.ofSeconds(600))
                .pollInterval(java.time.Duration.ofMillis(10)).until(() -> backlog.drained() >= journaled);
        double drained = ids.size() / ((System.nanoTime() - drainStart) / 1e9);
        await(gateway, ids, 600, false);
        long completed = ids.stream().filter(id -> gateway.status(id).map(CommandStatus::state)
                .filter(CommandState.COMPLETED::equals).isPresent()).count();

        String port = hub.getEnvironment().getProperty("local.server.port");
        URI uri = URI.create("http://localhost:" + port + "/api/sensors/readings");
        HttpClient http = HttpClient.newHttpClient();
        double[] millis = new double[CLIENTS * BATCHES_PER_CLIENT];
        double rate = clients("http", millis, body -> {
            HttpResponse<String> r = post(http, uri, body);
            if (r.statusCode() != 202 || Json.MAPPER.readTree(r.body()).path("accepted").asInt() != BATCH) {
                throw new IllegalStateException("batch not accepted whole: " + r.statusCode() + " " + r.body());
            }
        });
        Figure accepted = report.add(Figure.against("sensors.http", rate, "readings/s", baseline,
                "≥ 20,000 readings/s accepted (journaled) over HTTP, batches of 1,000 from 4 clients"));
        report.add(Figure.against("sensors.drain", drained, "readings/s", accepted, ids.size() + " journaled readings"
                + " turned into events until the drain's cursor passed them all (" + completed + " COMPLETED):"
                + " processing, not acceptance; goal ≥ 20,000 readings/s and ≥ 0.5 × sensors.http"));
        report.add(Figure.of("sensors.http.p99-batch", Measure.percentile(millis, 99), "ms",
                "p99 latency of one 1,000-reading batch, 4 clients"));
        await(gateway, readingIds("http"), 600, false); // the next figures do not pay for this drain
    }

    /** POSTs a batch of readings as the sensor gateway; the answer, whatever its status. */
    static HttpResponse<String> post(HttpClient http, URI uri, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + GATEWAY_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The hub arguments that configure the sensor gateway user {@link #post} sends as. */
    static List<String> gatewayUser() {
        return List.of("--farmhub.security.users." + GATEWAY + ".api-key-sha256=" + ApiKey.sha256Hex(GATEWAY_KEY),
                "--farmhub.security.users." + GATEWAY + ".roles=sensor-gateway");
    }

    /** The command ids of a phase's readings, warm-up included, in the order the drain meets them per client. */
    private static List<String> readingIds(String phase) {
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            for (int i = 0; i < BATCH; i++) { // the warm-up batch: batch 0 of phase-warm
                ids.add("sensor:" + sensor(phase + "-warm", c) + ":" + START.plusSeconds(i));
            }
            for (long n = 0; n < (long) BATCHES_PER_CLIENT * BATCH; n++) {
                ids.add("sensor:" + sensor(phase, c) + ":" + START.plusSeconds(n));
            }
        }
        return ids;
    }

    @FunctionalInterface
    private interface Send {
        void send(String body) throws Exception;
    }

    /** 4 clients each sending a warm-up batch, then their measured batches; readings per second over all. */
    private static double clients(String phase, double[] millis, Send send) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            runAll(pool, c -> send.send(body(phase + "-warm", c, 0)));
            long start = System.nanoTime();
            runAll(pool, c -> {
                for (int b = 0; b < BATCHES_PER_CLIENT; b++) {
                    String body = body(phase, c, b);
                    long t = System.nanoTime();
                    send.send(body);
                    millis[c * BATCHES_PER_CLIENT + b] = (System.nanoTime() - t) / 1e6;
                }
            });
            return CLIENTS * BATCHES_PER_CLIENT * BATCH / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Client {
        void run(int client) throws Exception;
    }

    private static void runAll(ExecutorService pool, Client client) throws Exception {
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int id = c;
            done.add(pool.submit(() -> {
                client.run(id);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
    }

    /** One batch: barn-temperature readings of one sensor per client, a second apart, spread over the barns. */
    private static String body(String phase, int client, int batch) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < BATCH; i++) {
            long n = (long) batch * BATCH + i;
            json.append(i == 0 ? "" : ",").append("{\"sensorId\":\"").append(sensor(phase, client))
                    .append("\",\"kind\":\"barn-temperature\",\"subject\":\"bench-barn-").append((client * 2 + i) % BARNS)
                    .append("\",\"value\":").append(10 + (n % 7)).append(",\"unit\":\"C\",\"at\":\"")
                    .append(START.plusSeconds(n)).append("\"}");
        }
        return json.append(']').toString();
    }

    private static String sensor(String phase, int client) {
        return "bench-" + phase + "-" + client;
    }

    // --- the hub ------------------------------------------------------------------------------------------------

    private static ConfigurableApplicationContext hub(Path data) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--farmhub.data-dir=" + data,
                "--logging.level.root=WARN", "--farmhub.inbox.poll-delay=100", "--farmhub.inbox.settle=50"));
        args.addAll(gatewayUser());
        // The inbox figures' users: the one whose folder takes the one-user figures, and four more.
        List<String> managers = new ArrayList<>(List.of(MANAGER));
        managers.addAll(InboxBench.FOLDERS);
        for (String user : managers) {
            args.add("--farmhub.security.users." + user + ".api-key-sha256=" + ApiKey.sha256Hex(user + "-key"));
            args.add("--farmhub.security.users." + user + ".roles=farm-manager");
        }
        return new SpringApplicationBuilder(FarmHubApplication.class).run(args.toArray(String[]::new));
    }

    static void submit(CommandGateway gateway, String type, String id, String payload) throws Exception {
        gateway.submit(new CommandRequest(type, id, Json.MAPPER.readTree(payload), MANAGER,
                CommandSource.api(MANAGER)));
    }

    private static List<String> idsOf(String prefix, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(prefix + i);
        }
        return ids;
    }

    static void awaitCompleted(CommandGateway gateway, List<String> ids) throws InterruptedException {
        await(gateway, ids, 600, true);
    }

    /** Waits for each command to end; with {@code completed}, anything but COMPLETED stops the bench. */
    private static void await(CommandGateway gateway, List<String> ids, int seconds, boolean completed)
            throws InterruptedException {
        int[] next = {0};
        org.awaitility.Awaitility.await("the commands ended").atMost(java.time.Duration.ofSeconds(seconds))
                .pollInterval(java.time.Duration.ofMillis(10))
                .until(() -> { // walks forward: each id is looked up until it has ended, never again after
                    while (next[0] < ids.size() && gateway.status(ids.get(next[0])).map(CommandStatus::state)
                            .filter(CommandState::terminal).isPresent()) {
                        next[0]++;
                    }
                    return next[0] == ids.size();
                });
        if (completed) {
            for (String id : ids) {
                CommandStatus status = gateway.status(id).orElseThrow();
                if (status.state() != CommandState.COMPLETED) {
                    throw new IllegalStateException("setup command " + id + " ended " + status.state() + ": "
                            + status.errors());
                }
            }
        }
    }

    /** Runs only these figures: {@code target/bench-intake/report.md}. */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench-intake");
        Report report = new Report();
        run(out.resolve("data-" + System.nanoTime()), report);
        report.write(out);
        System.exit(0);
    }
}
