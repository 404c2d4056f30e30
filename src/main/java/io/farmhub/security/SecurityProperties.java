package io.farmhub.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code farmhub.security}: users, the permission table, read access per role and quotas, exactly as
 * interfaces.md ("Users, roles and permissions") shows them. Nothing here is hard-coded: application.yaml
 * ships the role table as defaults and a deployment overrides it key by key.
 *
 * @param users       user name → its API key's SHA-256 (hex) and roles
 * @param permissions command type → roles allowed to issue it; a type missing here is allowed to no one
 * @param reads       role → what it may read: aggregate types ({@code cow}, {@code field}, …), {@code commands},
 *                    {@code errors}, {@code queries}, or {@code *} for everything
 * @param quotas      user name (or role) → command type → commands per UTC day
 * @param openPaths   paths below {@code /api} that need no key (e.g. a webhook that authenticates otherwise)
 * @param jwt         Entra ID settings (not built: see README)
 */
@ConfigurationProperties("farmhub.security")
public record SecurityProperties(
        Map<String, UserConfig> users,
        Map<String, List<String>> permissions,
        Map<String, List<String>> reads,
        Map<String, Map<String, Integer>> quotas,
        List<String> openPaths,
        Jwt jwt) {

    public SecurityProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
        permissions = permissions == null ? Map.of() : Map.copyOf(permissions);
        reads = reads == null ? Map.of() : Map.copyOf(reads);
        quotas = quotas == null ? Map.of() : Map.copyOf(quotas);
        openPaths = openPaths == null ? List.of() : List.copyOf(openPaths);
        jwt = jwt == null ? new Jwt(null) : jwt;
    }

    /** One configured user; the key itself is never configured, only its hash. */
    public record UserConfig(String apiKeySha256, List<String> roles) {
        public UserConfig {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }

        @Override
        public String toString() {
            return "UserConfig[roles=" + roles + "]";
        }
    }

    public record Jwt(String issuerUri) {
    }
}
