package io.farmhub.queries;

import io.farmhub.security.ApiKey;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The users of the query tests, one per role that matters to queries, configured as a deployment would:
 * mary (farm-manager), gate-7 (sensor-gateway, for the story's sensor readings), vic (vet), joe (contractor) and
 * audrey (auditor). Each key is the user's name with {@code -key}.
 */
final class QueryUsers {

    static final String MARY = "mary-key";
    static final String VIC = "vic-key";
    static final String JOE = "joe-key";
    static final String AUDITOR = "audrey-key";

    private QueryUsers() {
    }

    static void register(DynamicPropertyRegistry registry) {
        user(registry, "mary", "farm-manager");
        user(registry, "gate-7", "sensor-gateway");
        user(registry, "vic", "vet");
        user(registry, "joe", "contractor");
        user(registry, "audrey", "auditor");
    }

    private static void user(DynamicPropertyRegistry registry, String name, String role) {
        registry.add("farmhub.security.users." + name + ".api-key-sha256", () -> ApiKey.sha256Hex(name + "-key"));
        registry.add("farmhub.security.users." + name + ".roles", () -> role);
    }
}
