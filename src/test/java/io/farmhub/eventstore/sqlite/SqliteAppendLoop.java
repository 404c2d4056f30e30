package io.farmhub.eventstore.sqlite;

import io.farmhub.core.Json;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.EventStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The child JVM of {@link SqliteCrashSafetyTest}: appends batches of {@link #BATCH} events forever from several
 * threads onto a few shared streams, and prints one line per batch once the store has acknowledged it:
 * {@code ACK <stream> <firstVersion> <lastVersion> <batchId> END}. It never stops on its own: it is killed.
 */
public final class SqliteAppendLoop {

    static final int BATCH = 3;
    static final int STREAMS = 6;
    private static final int THREADS = 4;

    private SqliteAppendLoop() {
    }

    public static void main(String[] args) {
        EventStore store = new SqliteEventStore(Path.of(args[0]));
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread writer = new Thread(() -> appendForever(store, thread), "appender-" + t);
            writer.start();
        }
    }

    private static void appendForever(EventStore store, int thread) {
        for (long n = 0; ; n++) {
            StreamId stream = StreamId.farm("cow", "IE10000000000" + (n + thread) % STREAMS);
            String batchId = "batch-" + thread + "-" + n;
            List<NewEvent> batch = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                batch.add(new NewEvent(UUID.randomUUID().toString(), "MilkRecorded", 1, "2026-11-26", batchId,
                        batchId, "gate-7", "sensor:collar-" + thread, null,
                        Json.MAPPER.createObjectNode().put("litres", "12." + i).put("seq", n)));
            }
            AppendResult result;
            do {
                result = store.append(stream, store.version(stream), batch);
            } while (result instanceof AppendResult.Conflict);
            AppendResult.Appended done = (AppendResult.Appended) result;
            System.out.println("ACK " + stream + " " + done.firstVersion() + " " + done.lastVersion() + " "
                    + batchId + " END");
            System.out.flush();
        }
    }
}
