package io.farmhub.intake;

import io.farmhub.security.ApiKey;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A hub whose {@code sensor-events} route is fed by an endpoint of the test instead of Event Hubs (no emulator runs
 * here): its readings submitted as {@code gateway-eh}, two quick retries, and command-errors in the folder
 * {@code <data>/event-errors}.
 */
final class EventHubsByAdvice {

    private EventHubsByAdvice() {
    }

    static void register(DynamicPropertyRegistry registry, Path data) {
        registry.add("farmhub.data-dir", data::toString);
        registry.add("farmhub.security.users.gateway-eh.api-key-sha256", () -> ApiKey.sha256Hex("eh-key"));
        registry.add("farmhub.security.users.gateway-eh.roles", () -> "sensor-gateway");
        registry.add("farmhub.sensors.eventhubs.user", () -> "gateway-eh");
        registry.add("farmhub.sensors.eventhubs.retry.attempts", () -> "2");
        registry.add("farmhub.sensors.eventhubs.retry.delay", () -> "10");
        registry.add("farmhub.routes.command-errors", () -> "file:" + data.resolve("event-errors"));
    }

    /** Replaces the route's {@code from} with {@code uri} and starts it (it is off without Event Hubs). */
    static void feed(CamelContext camel, String uri) throws Exception {
        AdviceWith.adviceWith(camel, "sensor-events", route -> route.replaceFromWith(uri));
        camel.getRouteController().startRoute("sensor-events");
    }
}
