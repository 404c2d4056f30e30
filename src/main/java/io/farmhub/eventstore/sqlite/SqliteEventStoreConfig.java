package io.farmhub.eventstore.sqlite;

import io.farmhub.DataDirectory;
import io.farmhub.eventstore.EventStore;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The embedded runtime's event store: {@code ${farmhub.data-dir}/farmhub.db}, unless the azure profile is on. */
@Configuration(proxyBeanMethods = false)
@Profile("!azure")
public class SqliteEventStoreConfig {

    private static final Logger log = LoggerFactory.getLogger(SqliteEventStoreConfig.class);

    /**
     * Closed on shutdown: the writer commits what is queued before the connections close. Not named "eventStore":
     * that bean name is the health indicator's, which names the {@code eventStore} health component.
     */
    @Bean(destroyMethod = "close")
    public EventStore sqliteEventStore(DataDirectory dataDirectory) {
        Path file = dataDirectory.root().resolve("farmhub.db");
        SqliteEventStore store = new SqliteEventStore(file);
        log.info("Event store: SQLite at {}", store.file());
        return store;
    }
}
