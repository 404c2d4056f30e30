package io.farmhub.schedules;

import io.farmhub.intake.ContainerStore;
import io.farmhub.intake.DocumentStore;
import io.farmhub.intake.DocumentStores;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The firing lock: a blob lease per schedule where {@code farmhub.routes.schedule-locks} names a container (the
 * azure profile, where several hubs may run), otherwise a lock in this process (the embedded runtime, one hub).
 */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

    @Bean(destroyMethod = "")
    FiringLock firingLock(@Value("${farmhub.routes.schedule-locks:}") String locksUri, DocumentStores stores) {
        if (locksUri.isBlank()) {
            return new LocalFiringLock();
        }
        return new BlobFiringLock(() -> {
            DocumentStore store = stores.at(locksUri);
            if (store instanceof ContainerStore container) {
                return container.container();
            }
            throw new IllegalStateException("farmhub.routes.schedule-locks must name a blob container"
                    + " (azure-storage-blob:), not " + store.describe());
        });
    }
}
