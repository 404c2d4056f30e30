package io.farmhub.projection;

import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/** The runner on the embedded backend: events in {@code farmhub.db}, states in {@code projections.db}. */
class SqliteProjectionRunnerTest extends ProjectionRunnerContract {

    @TempDir
    Path dir;

    @Override
    protected EventStore newEventStore() {
        return new SqliteEventStore(dir.resolve("farmhub.db"));
    }

    @Override
    protected SnapshotStore newSnapshotStore() {
        return new SqliteSnapshotStore(dir.resolve("projections-" + UUID.randomUUID() + ".db"));
    }
}
