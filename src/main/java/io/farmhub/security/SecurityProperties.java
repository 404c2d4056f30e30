package io.farmhub.security;

import java.time.Duration;
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
 * @param jwt         Entra ID access tokens (azure profile): accepted only when {@code issuer-uri} is set
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
        jwt = jwt == null ? new Jwt(null, null, null, null) : jwt;
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

    /**
     * {@code farmhub.security.jwt}: bearer JWTs from one OpenID Connect issuer (Entra ID:
     * {@code https://login.microsoftonline.com/<tenant>/v2.0}). Empty {@code issuer-uri}: API keys only.
     *
     * @param issuerUri          the tokens' {@code iss}; its {@code /.well-known/openid-configuration} names the JWKS
     * @param audience           the {@code aud} a token must carry (the hub's app registration: its client id or
     *                           Application ID URI)
     * @param clockSkew          how far {@code exp} and {@code nbf} may be off this host's clock
     * @param keyRefreshInterval the least time between two JWKS downloads caused by tokens with unknown key ids, so
     *                           a stream of forged key ids cannot make the hub hammer the issuer
     */
    public record Jwt(String issuerUri, String audience, Duration clockSkew, Duration keyRefreshInterval) {
        public Jwt {
            issuerUri = issuerUri == null || issuerUri.isBlank() ? null : issuerUri.trim();
            audience = audience == null || audience.isBlank() ? null : audience.trim();
            clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
            keyRefreshInterval = keyRefreshInterval == null ? Duration.ofSeconds(30) : keyRefreshInterval;
        }

        public boolean enabled() {
            return issuerUri != null;
        }
    }
}
