package io.farmhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.messaging.eventhubs.CheckpointStore;
import io.farmhub.azure.Azurite;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.azure.eventhubs.EventHubsEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The profiles azure and eventhubs build the sensor-events route on an Event Hubs consumer whose checkpoint store is
 * the bean over the hub's storage client. No Event Hubs emulator runs here, so the route is built and left stopped
 * ({@code farmhub.sensors.eventhubs.enabled=false}) with a connection string that names no real namespace.
 */
@SpringBootTest
@ActiveProfiles({"azure", "eventhubs"})
@DirtiesContext
class EventHubsWiringTest {

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        Azurite.register(registry);
        registry.add("farmhub.data-dir", () -> "target/test-data/eventhubs-wiring-" + System.nanoTime());
        registry.add("farmhub.sensors.eventhubs.enabled", () -> "false");
        registry.add("farmhub.sensors.eventhubs.connection-string", () -> "Endpoint=sb://farmhub.invalid/;"
                + "SharedAccessKeyName=listen;SharedAccessKey=bm90LWEta2V5;EntityPath=sensor-readings");
    }

    @Autowired
    CamelContext camel;
    @Autowired
    CheckpointStore sensorCheckpointStore;

    @Test
    void the_consumer_checkpoints_through_the_storage_client_bean_and_waits_for_its_switch() {
        EventHubsEndpoint endpoint = (EventHubsEndpoint) camel.getRoute("sensor-events").getEndpoint();
        assertThat(endpoint.getConfiguration().getCheckpointStore()).isSameAs(sensorCheckpointStore);
        // With a connection string, Camel takes the hub from its EntityPath, not from the endpoint's path.
        assertThat(endpoint.getConfiguration().getConnectionString()).endsWith(";EntityPath=sensor-readings");
        assertThat(endpoint.getConfiguration().getConsumerGroupName()).isEqualTo("$Default");
        assertThat(camel.getRouteController().getRouteStatus("sensor-events")).isEqualTo(ServiceStatus.Stopped);
        assertThat(Azurite.get().blobServiceClient().getBlobContainerClient("sensor-checkpoints").exists()).isTrue();
    }
}
