package io.farmhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.commands.CommandGateway;
import io.farmhub.commands.CommandState;
import io.farmhub.commands.CommandStatus;
import io.farmhub.core.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code sensors.end-to-end.p99} (and {@code .p50}): a milk-meter reading's time from {@code POST
 * /api/sensors/readings} to its effect in the {@code cow-summary} projection ({@code GET
 * /api/projections/cow-summary/<earTag>} shows litres milked), while {@link MilkLoad} keeps a steady 5,000
 * readings/s going for {@code -Dbench.sensors.end-to-end.seconds} (default 60) after a warm-up of
 * {@code -Dbench.sensors.end-to-end.warm-up-seconds} (default 10; then the drain is let catch up).
 *
 * <p>Sampled: each batch of 250 carries one tagged reading, for a cow no other reading touches, so its effect is
 * unmistakable (her summary shows milk at all) and 20 readings a second are timed. The time runs from the batch's
 * appointed time (the open loop's, so a hub that is slow to answer the POST pays for it too) to the first
 * {@code GET} that shows the milk, looked for by one watcher thread every {@value #LOOK_EVERY_MS} ms (so a figure is
 * late by up to that and a sweep; see {@link #watch}). Beside them,
 * {@code sensors.end-to-end.achieved-rate}: the readings/s the hub accepted, since the latencies only mean something
 * if the load was delivered. A tagged reading never seen within {@value #GIVE_UP_SECONDS} s of the load's end
 * counts as slower than every one seen (the percentiles then show it as infinite), and in the goal text.
 * {@code sensors.end-to-end.completed.p50} and {@code .p99} time the same readings to their command's COMPLETED, so
 * the figure says which part of the way (the drain, or the read side after it) takes the time.
 */
final class SensorEndToEndBench {

    static final String NAME = "sensors.end-to-end.p99";
    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("bench.sensors.end-to-end.seconds", 60));
    private static final Duration WARM_UP =
            Duration.ofSeconds(Long.getLong("bench.sensors.end-to-end.warm-up-seconds", 10));
    private static final long LOOK_EVERY_MS = 20;
    private static final int MISSES_PER_SWEEP = 2;
    private static final long GIVE_UP_SECONDS = 600;

    private SensorEndToEndBench() {
    }

    /** A tagged reading the hub accepted, waiting for its command to complete and its effect to show. */
    private record Waiting(int batch, String commandId, URI summary, long appointed) {
    }

    /** Per batch, ms from its appointed time to its tagged reading's command COMPLETED and to its milk shown. */
    private record Timings(double[] completed, double[] shown) {

        Timings(int batches) {
            this(nan(batches), nan(batches));
        }

        private static double[] nan(int n) {
            double[] a = new double[n];
            Arrays.fill(a, Double.NaN);
            return a;
        }

        /** The timings of these batches; one never seen counts as slower than any seen (as infinite). */
        static double[] of(double[] ms, List<Integer> batches) {
            return batches.stream().mapToDouble(k -> Double.isNaN(ms[k]) ? Double.POSITIVE_INFINITY : ms[k])
                    .toArray();
        }
    }

    static void run(Path dir, Report report) throws Exception {
        int batches = MilkLoad.batchesIn(DURATION);
        try (BenchHub hub = MilkLoad.hub(dir.resolve("end-to-end"))) {
            MilkLoad load = MilkLoad.on(hub, batches);
            load.run(MilkLoad.batchesIn(WARM_UP), null);
            load.awaitDrained(Duration.ofMinutes(10));

            Timings timings = new Timings(batches);
            Queue<Waiting> accepted = new ConcurrentLinkedQueue<>();
            Queue<Integer> tagged = new ConcurrentLinkedQueue<>();
            AtomicBoolean loading = new AtomicBoolean(true);
            AtomicReference<RuntimeException> failed = new AtomicReference<>();
            CommandGateway gateway = hub.gateway();
            Thread watcher = new Thread(() -> {
                try {
                    watch(gateway, accepted, loading, timings);
                } catch (RuntimeException e) {
                    failed.set(e);
                }
            }, "end-to-end-watcher");
            watcher.start();
            MilkLoad.Result result;
            try {
                result = load.run(batches, (k, earTag, commandId, appointed) -> {
                    tagged.add(k);
                    accepted.add(new Waiting(k, commandId, hub.uri("/api/projections/cow-summary/" + earTag),
                            appointed));
                });
            } finally {
                loading.set(false);
            }
            watcher.join(TimeUnit.SECONDS.toMillis(GIVE_UP_SECONDS + 30));
            if (failed.get() != null) {
                throw failed.get();
            }
            List<Integer> sent = List.copyOf(tagged);
            double[] shown = Timings.of(timings.shown(), sent);
            double[] completed = Timings.of(timings.completed(), sent);
            long seen = Arrays.stream(shown).filter(Double::isFinite).count();
            String sample = String.format(Locale.ROOT, "%d of %d tagged readings (one per accepted batch of %d) seen",
                    seen, shown.length, MilkLoad.BATCH);
            if (seen == 0) {
                throw new IllegalStateException("no tagged reading's effect was seen in cow-summary: " + sample);
            }
            String steady = " at a steady " + MilkLoad.PER_SECOND + " readings/s for " + DURATION.toSeconds() + " s";
            Figure p50 = report.add(Figure.of("sensors.end-to-end.p50", Measure.percentile(shown, 50), "ms",
                    "POST to the reading's milk in cow-summary," + steady + "; " + sample));
            report.add(Figure.against(NAME, Measure.percentile(shown, 99), "ms", p50,
                    "≤ 2,000 ms (ratio: p99 / p50)"));
            // Where the time goes: up to COMPLETED it is the drain's (journal to batch), after it the read side's.
            report.add(Figure.of("sensors.end-to-end.completed.p50", Measure.percentile(completed, 50), "ms",
                    "POST to the reading's command COMPLETED (the drain's part of the way)," + steady));
            report.add(Figure.of("sensors.end-to-end.completed.p99", Measure.percentile(completed, 99), "ms",
                    "the same, p99"));
            report.add(Figure.of("sensors.end-to-end.achieved-rate", result.perSecond(), "readings/s",
                    MilkLoad.PER_SECOND + " readings/s asked; the latencies count only if it held: "
                            + result.describe()));
        }
    }

    /**
     * Looks at the readings still waiting, oldest batch first, every {@value #LOOK_EVERY_MS} ms, until all have
     * shown their milk, or the load has ended and {@value #GIVE_UP_SECONDS} s more have gone by. The command's
     * status is read in-process (cheap); the summary over HTTP, as a client reads it. Each of the two looks stops at
     * the {@value #MISSES_PER_SWEEP}th reading in a row not there yet: the drain goes in journal order, so the later
     * ones are most likely not there either, and looking them all up would take the hub's CPU from the very work
     * timed.
     */
    private static void watch(CommandGateway gateway, Queue<Waiting> accepted, AtomicBoolean loading,
            Timings timings) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Waiting> waiting = new ArrayList<>();
        long giveUpAt = Long.MAX_VALUE;
        while (System.nanoTime() < giveUpAt) {
            for (Waiting w; (w = accepted.poll()) != null; ) {
                waiting.add(w);
            }
            waiting.sort(Comparator.comparingInt(Waiting::batch)); // senders may answer out of order
            int misses = 0;
            for (int i = 0; i < waiting.size() && misses < MISSES_PER_SWEEP; i++) {
                Waiting w = waiting.get(i);
                if (!Double.isNaN(timings.completed()[w.batch()])) {
                    continue;
                }
                if (gateway.status(w.commandId()).map(CommandStatus::state).filter(CommandState.COMPLETED::equals)
                        .isPresent()) {
                    timings.completed()[w.batch()] = (System.nanoTime() - w.appointed()) / 1e6;
                    misses = 0;
                } else {
                    misses++;
                }
            }
            misses = 0;
            for (Iterator<Waiting> it = waiting.iterator(); it.hasNext() && misses < MISSES_PER_SWEEP; ) {
                Waiting w = it.next();
                if (milkShown(http, w.summary())) {
                    timings.shown()[w.batch()] = (System.nanoTime() - w.appointed()) / 1e6;
                    it.remove();
                    misses = 0;
                } else {
                    misses++;
                }
            }
            if (!loading.get() && accepted.isEmpty()) {
                if (waiting.isEmpty()) {
                    return;
                }
                giveUpAt = Math.min(giveUpAt, System.nanoTime() + TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(LOOK_EVERY_MS));
        }
    }

    /** True once the cow's summary shows any milk: only her tagged reading milks her. */
    private static boolean milkShown(HttpClient http, URI summary) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(summary)
                    .header("Authorization", "Bearer " + BenchHub.API_KEY).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 404) {
                return false; // the read side has not folded her stream yet
            }
            if (r.statusCode() != 200) {
                throw new IllegalStateException(summary + " answered " + r.statusCode() + ": " + r.body());
            }
            JsonNode litres = Json.MAPPER.readTree(r.body()).path("state").path("dailyLitres");
            return litres.size() > 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
