package io.farmhub.security;

import io.farmhub.DataDirectory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The users the hub knows: those configured under {@code farmhub.security.users}, or, when none is, the one
 * {@code admin} farm-manager whose key the first start wrote to {@code ${farmhub.data-dir}/admin-api-key}.
 * The HTTP layer authenticates API keys here; the inbox looks up the user a folder names.
 */
@Component
public class Users {

    /** The bootstrapped user's name when no user is configured. */
    public static final String ADMIN = "admin";
    static final String FARM_MANAGER = "farm-manager";

    private static final Logger log = LoggerFactory.getLogger(Users.class);

    private final Map<String, User> byName = new LinkedHashMap<>();
    private final Map<String, byte[]> keyHashes = new LinkedHashMap<>();

    public Users(SecurityProperties properties, DataDirectory dataDirectory) {
        if (properties.users().isEmpty()) {
            AdminKeyFile adminKey = new AdminKeyFile(dataDirectory.root());
            AdminKeyFile.Loaded loaded = adminKey.load();
            add(ADMIN, loaded.sha256Hex(), Set.of(FARM_MANAGER));
            if (loaded.origin() == AdminKeyFile.Origin.CREATED) {
                log.warn("No user is configured: created the farm-manager user '{}'; its API key is in {} "
                        + "(readable by this account only)", ADMIN, adminKey.keyFile());
            } else {
                log.info("No user is configured: the farm-manager user '{}' uses the key created earlier in {}",
                        ADMIN, adminKey.keyFile());
            }
        } else {
            properties.users().forEach((name, config) ->
                    add(name, config.apiKeySha256(), Set.copyOf(config.roles())));
            log.info("{} users configured: {}", byName.size(), byName.keySet());
        }
        if (properties.jwt().enabled()) {
            log.info("Entra ID tokens from {} for audience {} are accepted beside API keys",
                    properties.jwt().issuerUri(), properties.jwt().audience());
        }
    }

    private void add(String name, String sha256Hex, Set<String> roles) {
        keyHashes.put(name, ApiKey.parseSha256Hex(sha256Hex, name));
        byName.put(name, new User(name, roles));
    }

    /** Every user name, e.g. for the inbox, whose folders name the submitting user. */
    public Set<String> names() {
        return Set.copyOf(byName.keySet());
    }

    public Optional<User> byName(String name) {
        return Optional.ofNullable(name).map(byName::get);
    }

    /**
     * The user whose key this is. Every configured hash is compared, in constant time each, so neither the
     * answer time nor an early exit tells a caller which user or how much of a hash it came close to.
     */
    public Optional<User> authenticate(String apiKey) {
        if (apiKey == null || apiKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = ApiKey.sha256(apiKey);
        User found = null;
        for (Map.Entry<String, byte[]> entry : keyHashes.entrySet()) {
            if (ApiKey.sameHash(presented, entry.getValue()) && found == null) {
                found = byName.get(entry.getKey());
            }
        }
        return Optional.ofNullable(found);
    }
}
