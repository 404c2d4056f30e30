package io.farmhub.intake;

import java.nio.file.Files;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code inbox} component of {@code /actuator/health}: UP while the inbox route runs and its folder or container
 * can be reached. It stands in for Camel's own check of the inbox route's poll consumer, which is DOWN until the
 * first poll and so would mark a hub that has just started as unhealthy (application.yaml excludes that check).
 */
@Component
public class InboxHealthIndicator implements HealthIndicator {

    private final CamelContext camel;
    private final DocumentStores stores;
    private final String inboxUri;

    public InboxHealthIndicator(CamelContext camel, DocumentStores stores,
            @Value("${farmhub.routes.inbox}") String inboxUri) {
        this.camel = camel;
        this.stores = stores;
        this.inboxUri = inboxUri;
    }

    @Override
    public Health health() {
        ServiceStatus route = camel.getRouteController().getRouteStatus("inbox");
        if (route == null || !route.isStarted()) {
            return Health.down().withDetail("route", String.valueOf(route)).build();
        }
        try {
            DocumentStore inbox = stores.at(inboxUri);
            boolean reachable = inbox instanceof ContainerStore container
                    ? container.container().exists()
                    : !(inbox instanceof FolderStore folder) || !Files.exists(folder.root())
                            || Files.isDirectory(folder.root());
            return reachable ? Health.up().build() : Health.down().build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getMessage()).build();
        }
    }
}
