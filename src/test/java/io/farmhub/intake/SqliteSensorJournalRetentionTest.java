package io.farmhub.intake;

import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.sqlite.SqliteEventStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The journal's retention on the embedded store, each test on a fresh file. */
class SqliteSensorJournalRetentionTest extends SensorJournalRetentionContract {

    @TempDir
    Path dir;

    @Override
    protected EventStore newStore() {
        return new SqliteEventStore(dir.resolve("farmhub.db"));
    }
}
