package io.farmhub.eventstore.sqlite;

import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.EventStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store against the shared contract, each test on its own fresh file. */
class SqliteEventStoreTest extends EventStoreContract {

    @TempDir
    Path dir;

    @Override
    protected EventStore newStore() {
        return new SqliteEventStore(dir.resolve("farmhub.db"));
    }

    @Override
    protected EventStore anotherStoreOnSameStorage() {
        return new SqliteEventStore(dir.resolve("farmhub.db"));
    }
}
