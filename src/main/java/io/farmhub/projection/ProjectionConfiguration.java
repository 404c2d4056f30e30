package io.farmhub.projection;

import com.azure.storage.blob.BlobServiceClient;
import io.farmhub.DataDirectory;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.eventstore.EventStore;
import io.farmhub.farm.Farm;
import io.farmhub.notify.Notifier;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The read side's beans: the snapshot store of the profile, the runner the {@code farm-events} route calls, the
 * reconciliation the schedule calls, the rebuild the API starts, and the two read interfaces the queries use
 * ({@link ProjectionCache}, {@link MembershipIndex}).
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProjectionConfiguration.class);

    /** Embedded: {@code ${farmhub.data-dir}/projections.db}, beside the event store's {@code farmhub.db}. */
    @Bean(destroyMethod = "close")
    @Profile("!azure")
    public SnapshotStore sqliteSnapshotStore(DataDirectory data) {
        SqliteSnapshotStore store = new SqliteSnapshotStore(data.root().resolve("projections.db"));
        log.info("Projection cache: SQLite at {}", store.file());
        return store;
    }

    /** Azure: blob container {@code farmhub.projections.container} (default {@code projection-snapshots}). */
    @Bean(destroyMethod = "close")
    @Profile("azure")
    public SnapshotStore blobSnapshotStore(BlobServiceClient blobs,
            @Value("${farmhub.projections.container:projection-snapshots}") String container) {
        log.info("Projection cache: blob container {}", container);
        return new BlobSnapshotStore(blobs.getBlobContainerClient(container));
    }

    @Bean
    public ProjectionRunner projectionRunner(EventStore events, SnapshotStore snapshots,
            ObjectProvider<EventTypeRegistry> registry, ObjectProvider<Notifier> notifier, ObjectProvider<Clock> clock) {
        return new ProjectionRunner(events, registry.getIfUnique(() -> Farm.registerEvents(new EventTypeRegistry())),
                snapshots, notifier::getIfUnique, clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    public ProjectionReconciliation projectionReconciliation(ProjectionRunner runner) {
        return new ProjectionReconciliation(runner);
    }

    @Bean(destroyMethod = "close")
    public ProjectionRebuild projectionRebuild(ProjectionRunner runner, ProjectionReconciliation reconciliation,
            ObjectProvider<Clock> clock, @Value("${farmhub.projections.rebuild-threads:2}") int threads) {
        return new ProjectionRebuild(runner, reconciliation, clock.getIfUnique(Clock::systemUTC), threads);
    }

    @Bean
    public ProjectionCache projectionCache(SnapshotStore snapshots) {
        return new CachedProjections(snapshots);
    }

    @Bean
    public MembershipIndex membershipIndex(SnapshotStore snapshots, ObjectProvider<Clock> clock) {
        return new ClassifierIndex(snapshots, clock.getIfUnique(Clock::systemUTC));
    }
}
