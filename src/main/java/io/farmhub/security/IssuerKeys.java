package io.farmhub.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import io.farmhub.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.security.Key;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The signing keys of one OpenID Connect issuer: {@code <issuer>/.well-known/openid-configuration} names the
 * {@code jwks_uri}, whose key set is cached (five minutes) and downloaded again when a token names a key id the
 * cache does not hold — that is how a key rotation reaches the hub. Discovery happens at the first token, not at
 * start-up, so a hub starts even while the issuer is unreachable.
 */
final class IssuerKeys {

    /** A fault on the way to the issuer's keys: the token may be fine, the hub cannot tell now. */
    static final class Unreachable extends Exception {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String issuer;
    private final Set<JWSAlgorithm> algorithms;
    private final Duration refreshInterval;
    private final ResourceRetriever retriever = new DefaultResourceRetriever(5_000, 5_000, 512 * 1024);
    private volatile JWSVerificationKeySelector<SecurityContext> selector;

    IssuerKeys(String issuer, Set<JWSAlgorithm> algorithms, Duration refreshInterval) {
        this.issuer = issuer;
        this.algorithms = algorithms;
        this.refreshInterval = refreshInterval;
    }

    /** The issuer's keys that may have signed a token with this header (its {@code kid} and algorithm). */
    List<Key> candidates(JWSHeader header) throws Unreachable {
        try {
            return selector().selectJWSKeys(header, null);
        } catch (KeySourceException e) {
            throw new Unreachable("the issuer's signing keys could not be fetched: " + e.getMessage(), e);
        }
    }

    private JWSVerificationKeySelector<SecurityContext> selector() throws Unreachable {
        JWSVerificationKeySelector<SecurityContext> known = selector;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (selector == null) {
                URL jwks = discoverJwksUri();
                JWKSourceBuilder<SecurityContext> builder = JWKSourceBuilder.create(jwks, retriever);
                builder = refreshInterval.isZero() ? builder.rateLimited(false)
                        : builder.rateLimited(refreshInterval.toMillis());
                JWKSource<SecurityContext> source = builder.build();
                selector = new JWSVerificationKeySelector<>(algorithms, source);
            }
            return selector;
        }
    }

    private URL discoverJwksUri() throws Unreachable {
        String discovery = issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        try {
            JsonNode document = Json.MAPPER.readTree(retriever.retrieveResource(URI.create(discovery).toURL()).getContent());
            String published = document.path("issuer").asText("");
            if (!published.equals(issuer)) {
                // Tokens carry the published issuer; a mismatch means the configured issuer-uri is not the one
                // Entra ID writes into its tokens (v1 and v2 endpoints differ), and no token would ever pass.
                throw new Unreachable(discovery + " names the issuer '" + published
                        + "', not farmhub.security.jwt.issuer-uri '" + issuer + "'", null);
            }
            String jwksUri = document.path("jwks_uri").asText("");
            if (jwksUri.isEmpty()) {
                throw new Unreachable(discovery + " has no jwks_uri", null);
            }
            return URI.create(jwksUri).toURL();
        } catch (IOException | IllegalArgumentException e) {
            throw new Unreachable("the issuer's discovery document " + discovery + " could not be read: "
                    + e.getMessage(), e);
        }
    }
}
