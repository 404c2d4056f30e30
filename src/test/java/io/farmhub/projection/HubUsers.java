package io.farmhub.projection;

import io.farmhub.security.ApiKey;
import java.util.List;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Users for the read side's hub tests, one per role that matters here, and requests made as them over real
 * HTTP with their API key.
 */
public final class HubUsers {

    public static final String MARY = "mary-projection-key";     // farm-manager
    public static final String VIC = "vic-projection-key";       // vet: reads cows only
    public static final String AUDREY = "audrey-projection-key"; // auditor: reads, issues nothing
    public static final String JOE = "joe-projection-key";       // contractor: reads nothing

    private HubUsers() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        user(registry, "mary", MARY, "farm-manager");
        user(registry, "vic", VIC, "vet");
        user(registry, "audrey", AUDREY, "auditor");
        user(registry, "joe", JOE, "contractor");
    }

    private static void user(DynamicPropertyRegistry registry, String name, String key, String role) {
        registry.add("farmhub.security.users." + name + ".api-key-sha256", () -> ApiKey.sha256Hex(key));
        registry.add("farmhub.security.users." + name + ".roles", () -> role);
    }

    public static <T> ResponseEntity<T> get(TestRestTemplate http, String path, String key, Class<T> type) {
        return http.exchange(RequestEntity.get(path).header("Authorization", "Bearer " + key)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON).build(), type);
    }

    public static <T> ResponseEntity<T> post(TestRestTemplate http, String path, String key, String json, Class<T> type) {
        return http.exchange(RequestEntity.method(HttpMethod.POST, path).header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON,
                        MediaType.APPLICATION_PROBLEM_JSON).body(json == null ? "" : json), type);
    }

    static List<String> all() {
        return List.of(MARY, VIC, AUDREY, JOE);
    }
}
