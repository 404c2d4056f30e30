package io.farmhub.queries;

import io.farmhub.core.EventTypeRegistry;
import io.farmhub.eventstore.EventStore;
import io.farmhub.farm.Farm;
import io.farmhub.projection.MembershipIndex;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read side's wiring. Each part another slice may provide (the projections' {@link MembershipIndex}, the
 * pipeline's {@link EventTypeRegistry}, a test's {@link Clock}) is taken when it is there, else made here.
 */
@Configuration(proxyBeanMethods = false)
public class QueriesConfiguration {

    @Bean
    ReadSide readSide(ObjectProvider<InstanceIndex> index, ObjectProvider<MembershipIndex> membership,
            ObjectProvider<EventTypeRegistry> registry, ObjectProvider<Clock> clock, EventStore store) {
        return new ReadSide(index.getIfAvailable(() -> new ListedInstances(store, membership.getIfAvailable())),
                registry.getIfAvailable(() -> Farm.registerEvents(new EventTypeRegistry())),
                clock.getIfAvailable(Clock::systemUTC));
    }

    /** The fan-out's readers ({@code executorService: queryReaders} in the split). */
    @Bean(destroyMethod = "shutdown")
    ExecutorService queryReaders(@Value("${farmhub.queries.readers:4}") int readers) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory daemons = task -> {
            Thread t = new Thread(task, "query-reader-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newFixedThreadPool(Math.max(1, readers), daemons);
    }
}
