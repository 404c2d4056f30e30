package io.farmhub.bench;

import io.farmhub.core.Json;
import io.farmhub.intake.SensorBacklog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Milk meters streaming into a hub: {@code milk-yield} readings POSTed to {@code /api/sensors/readings} at a
 * steady 5,000 readings/s ({@code -Dbench.sensors.rate}, to find the rate a hub holds), in batches of {@value #BATCH} sent on an open loop
 * ({@link SteadyLoad#paced}: each batch at its appointed time, whatever happened to the ones before, so a slow hub
 * shows as a missed rate instead of a slower sender). The readings go round {@value #LOAD_COWS} registered cows,
 * each milked a few times a second, every reading a {@code MilkRecorded} (milk has no dead band). A batch may carry
 * one tagged reading instead of its last, for a cow of its own ({@link Tagged}), whose effect can be watched.
 *
 * <p>A batch refused with 503 (the backlog is full) is counted, not retried: {@link Result#perSecond} is what the hub
 * accepted, so a figure measured under this load says whether the load was delivered.
 */
final class MilkLoad {

    static final int PER_SECOND = Integer.getInteger("bench.sensors.rate", 5_000);
    static final int BATCH = 250;
    static final int LOAD_COWS = 2_000;
    /** Time between batches: 20 a second at 5,000 readings/s. */
    static final long PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1) * BATCH / PER_SECOND;
    /** Enough senders that a batch waiting for its fsync never holds the next one back. */
    private static final int SENDERS = 8;

    /**
     * What one run delivered: readings accepted (202) and refused (503), over the run's seconds; and the backlog
     * (journaled, not drained) the run left, with the drain's pace as the hub measures it (-1 before it has).
     */
    record Result(long accepted, long refused, double seconds, long backlog, double drainPace) {

        double perSecond() {
            return accepted / seconds;
        }

        String describe() {
            return String.format(java.util.Locale.ROOT, "%,d readings accepted and %,d refused (503) in %.1f s,"
                    + " leaving a backlog of %,d (drain pace %,.0f readings/s)", accepted, refused, seconds, backlog,
                    drainPace);
        }
    }

    /**
     * Told of each tagged reading the hub accepted: its batch, its cow, its command id, and the batch's appointed
     * time ({@link System#nanoTime}).
     */
    @FunctionalInterface
    interface Tagged {
        void accepted(int batch, String earTag, String commandId, long appointed);
    }

    private final BenchHub hub;
    private final List<String> loadCows;
    private final List<String> taggedCows;
    private final URI readings;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private MilkLoad(BenchHub hub, List<String> loadCows, List<String> taggedCows) {
        this.hub = hub;
        this.loadCows = loadCows;
        this.taggedCows = taggedCows;
        this.readings = hub.uri("/api/sensors/readings");
    }

    /** The hub this load runs on: a {@link BenchHub} with the sensor gateway user, and {@code more} arguments. */
    static BenchHub hub(Path data, String... more) {
        List<String> args = new ArrayList<>(IntakeBench.gatewayUser());
        args.addAll(List.of(more));
        return BenchHub.start(data, args.toArray(String[]::new));
    }

    /** Registers the load's cows and {@code tagged} more (one per tagged reading) straight into the hub's store. */
    static MilkLoad on(BenchHub hub, int tagged) throws Exception {
        // BenchFarm's cows: every third is a bull, which a milking would be rejected for.
        int females = LOAD_COWS + tagged;
        int cows = females + females / 2 + 3;
        BenchFarm.write(hub.store(), cows);
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < cows && tags.size() < females; i++) {
            if (i % 3 != 0) {
                tags.add(BenchFarm.earTag(i));
            }
        }
        return new MilkLoad(hub, tags.subList(0, LOAD_COWS), tags.subList(LOAD_COWS, females));
    }

    /** Sends {@code batches} batches at the steady rate; with {@code tagged}, batch k's last reading is tagged. */
    Result run(int batches, Tagged tagged) throws Exception {
        if (tagged != null && batches > taggedCows.size()) {
            throw new IllegalArgumentException(batches + " tagged batches, but cows for " + taggedCows.size());
        }
        Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long start = System.nanoTime();
        SteadyLoad.paced(batches, PERIOD_NANOS, SENDERS, (k, appointed) -> {
            String tag = tagged == null ? null : taggedCows.get(k);
            HttpResponse<String> r = IntakeBench.post(http, readings, body(base, k, tag));
            if (r.statusCode() == 503) {
                refused.addAndGet(BATCH);
                return;
            }
            if (r.statusCode() != 202 || Json.MAPPER.readTree(r.body()).path("accepted").asInt() != BATCH) {
                throw new IllegalStateException("milk batch " + k + " not accepted whole: " + r.statusCode() + " "
                        + r.body());
            }
            accepted.addAndGet(BATCH);
            if (tag != null) {
                tagged.accepted(k, tag, "sensor:" + sensorId(tag) + ":" + at(base, k, BATCH - 1), appointed);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        SensorBacklog backlog = hub.bean(SensorBacklog.class);
        return new Result(accepted.get(), refused.get(), seconds, backlog.readings(),
                backlog.rate().perSecond().orElse(-1));
    }

    /** Batches that fill {@code duration} at the steady rate. */
    static int batchesIn(Duration duration) {
        return (int) Math.max(1, duration.toNanos() / PERIOD_NANOS);
    }

    /** Waits until the drain has turned every journaled reading into commands, so what comes next starts level. */
    void awaitDrained(Duration atMost) {
        SensorBacklog backlog = hub.bean(SensorBacklog.class);
        long journaled = backlog.journaled();
        org.awaitility.Awaitility.await("the drain at the journal's end").atMost(atMost)
                .pollInterval(Duration.ofMillis(50)).until(() -> backlog.drained() >= journaled);
    }

    /**
     * Batch k: readings of load cows taken in turn (no cow twice in a batch), {@code at} the batch's place in time
     * plus a microsecond per reading, so every reading's command id {@code sensor:<sensorId>:<at>} is its own.
     */
    private String body(Instant base, int k, String tag) {
        StringBuilder json = new StringBuilder(BATCH * 130).append('[');
        for (int i = 0; i < BATCH; i++) {
            String cow = tag != null && i == BATCH - 1 ? tag : loadCows.get((int) (((long) k * BATCH + i) % LOAD_COWS));
            json.append(i == 0 ? "" : ",").append("{\"sensorId\":\"").append(sensorId(cow))
                    .append("\",\"kind\":\"milk-yield\",\"subject\":\"").append(cow)
                    .append("\",\"value\":").append(8 + (k + i) % 9).append('.').append(i % 10)
                    .append(",\"unit\":\"L\",\"at\":\"").append(at(base, k, i)).append("\"}");
        }
        return json.append(']').toString();
    }

    private static Instant at(Instant base, int batch, int i) {
        return base.plusNanos(batch * PERIOD_NANOS).plus(i, ChronoUnit.MICROS);
    }

    private static String sensorId(String earTag) {
        return "meter-" + earTag;
    }
}
