package io.farmhub.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.farmhub.core.Json;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.sqlite.SqliteEventStore;
import io.farmhub.notify.Notification;
import io.farmhub.notify.Notifier;
import io.farmhub.notify.Topic;
import io.farmhub.projection.ProjectionReconciliation;
import io.farmhub.projection.ProjectionRunner;
import io.farmhub.projection.SqliteSnapshotStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * {@code notify.lag}: the embedded read side under a steady 1,000 events/s. Each event is a durable append to
 * one of 1,000 cows; its {@code farm.event-appended} goes through an in-process SEDA queue (as the embedded
 * notifier sends it) to the projection runner. Lag = from the append's acknowledgement to the moment
 * {@code cow-summary} of that cow has stored that version. Baseline: the appends' own p99 latency.
 */
final class NotifyLagBench {

    private static final int COWS = 1_000;
    private static final int RATE = 1_000;
    private static final int WARM_UP = 2_000;
    private static final int MEASURED = 10_000;
    private static final int APPENDERS = 8;
    private static final String QUEUE = "seda:farm-events?size=10000&discardWhenFull=true";

    private NotifyLagBench() {
    }

    static void run(Path dir, Report report) throws Exception {
        // "earTag@version" of each measured event -> its index; acknowledgedAt[index] = when its append returned.
        Map<String, Integer> measured = new ConcurrentHashMap<>();
        long[] acknowledgedAt = new long[MEASURED];
        double[] lags = new double[MEASURED];
        CountDownLatch updated = new CountDownLatch(MEASURED);
        Notifier stopwatch = (topic, changes) -> {
            long now = System.nanoTime();
            for (Notification n : changes) {
                if (topic == Topic.FARM_PROJECTIONS && n.subject().startsWith("cow-summary/")) {
                    String key = n.data().get("key").asText() + "@" + n.data().get("version").asLong();
                    Integer index = measured.remove(key);
                    if (index != null) {
                        lags[index] = (now - acknowledgedAt[index]) / 1e6;
                        updated.countDown();
                    }
                }
            }
        };
        try (EventStore events = new SqliteEventStore(dir.resolve("lag-events.db"));
                SqliteSnapshotStore snapshots = new SqliteSnapshotStore(dir.resolve("lag-projections.db"));
                CamelContext camel = new DefaultCamelContext()) {
            ProjectionRunner runner = new ProjectionRunner(events, ProjectionBench.REGISTRY, snapshots,
                    () -> stopwatch, Clock.systemUTC());
            CowHistories histories = new CowHistories(ProjectionBench.REGISTRY);
            long[] versions = new long[COWS];
            for (int c = 0; c < COWS; c++) {
                append(events, histories, c, versions);
            }
            new ProjectionReconciliation(runner).reconcile();
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(QUEUE).routeId("farm-events").bean(runner, "onNotification");
                }
            });
            camel.start();
            ProducerTemplate producer = camel.createProducerTemplate();
            double[] appendMillis = paced(events, histories, versions, producer, measured, acknowledgedAt);
            if (!updated.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException(updated.getCount() + " projection updates never came");
            }
            Figure append = report.add(Figure.of("notify.append-p99", Measure.percentile(appendMillis, 99), "ms",
                    "baseline: the durable appends' own p99 at 1,000 events/s"));
            report.add(Figure.of("notify.lag-p50", Measure.percentile(lags, 50), "ms",
                    "append acknowledged → cow-summary stored, 1,000 events/s embedded"));
            report.add(Figure.against("notify.lag", Measure.percentile(lags, 99), "ms", append,
                    "p99 ≤ 50 ms at 1,000 events/s embedded"));
        }
    }

    private static double[] paced(EventStore events, CowHistories histories, long[] versions,
            ProducerTemplate producer, Map<String, Integer> measured, long[] acknowledgedAt) throws Exception {
        int total = WARM_UP + MEASURED;
        double[] appendMillis = new double[total];
        ExecutorService pool = Executors.newFixedThreadPool(APPENDERS);
        long start = System.nanoTime() + 50_000_000L;
        long every = 1_000_000_000L / RATE;
        try {
            List<Future<?>> appenders = new ArrayList<>();
            for (int w = 0; w < APPENDERS; w++) {
                int writer = w;
                appenders.add(pool.submit(() -> {
                    for (int k = writer; k < total; k += APPENDERS) {
                        long due = start + k * every;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        int cow = k % COWS; // k ≡ writer (mod 8) and 8 divides 1,000: each cow has one writer
                        long began = System.nanoTime();
                        long version = append(events, histories, cow, versions);
                        long acknowledged = System.nanoTime();
                        appendMillis[k] = (acknowledged - began) / 1e6;
                        StreamId stream = CowHistories.cow(cow);
                        if (k >= WARM_UP) {
                            acknowledgedAt[k - WARM_UP] = acknowledged;
                            measured.put(stream.key() + "@" + version, k - WARM_UP);
                        }
                        producer.sendBody(QUEUE, appended(stream, version));
                    }
                    return null;
                }));
            }
            for (Future<?> f : appenders) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return appendMillis;
    }

    private static long append(EventStore events, CowHistories histories, int cow, long[] versions) {
        StreamId stream = CowHistories.cow(cow);
        NewEvent event = histories.event(stream, versions[cow] + 1);
        if (!(events.append(stream, versions[cow], List.of(event)) instanceof AppendResult.Appended)) {
            throw new IllegalStateException("benchmark append did not go through");
        }
        return ++versions[cow];
    }

    private static Notification appended(StreamId stream, long version) {
        ObjectNode data = Json.MAPPER.createObjectNode().put("stream", stream.toString()).put("version", version)
                .put("eventType", "MilkRecorded").put("correlationId", "bench");
        return new Notification(stream + "@" + version, "farm.event-appended", "/farmhub/" + stream.category(),
                stream.aggregate() + "/" + stream.key(), Instant.now(), data);
    }
}
