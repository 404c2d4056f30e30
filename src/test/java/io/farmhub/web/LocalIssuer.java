package io.farmhub.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An OpenID Connect issuer the test controls, laid out like Entra ID's: {@code <issuer>/.well-known/openid-configuration}
 * names {@code jwks_uri}, which serves whatever keys the test publishes. Real HTTP on a random port, real RSA keys,
 * tokens signed as Entra ID signs them (RS256, {@code kid} in the header).
 */
final class LocalIssuer implements AutoCloseable {

    static final String AUDIENCE = "api://farmhub-test";

    private final HttpServer server;
    private final String issuer;
    private volatile JWKSet published = new JWKSet();
    private final AtomicInteger keyDownloads = new AtomicInteger();

    LocalIssuer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        issuer = base + "/farm-tenant/v2.0";
        String keys = base + "/farm-tenant/discovery/v2.0/keys";
        serve("/farm-tenant/v2.0/.well-known/openid-configuration", () -> "{\"issuer\":\"" + issuer
                + "\",\"jwks_uri\":\"" + keys + "\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
        serve("/farm-tenant/discovery/v2.0/keys", () -> {
            keyDownloads.incrementAndGet();
            return published.toString(true);
        });
        server.start();
    }

    private void serve(String path, Supplier<String> body) {
        server.createContext(path, exchange -> answer(exchange, body.get()));
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    String issuer() {
        return issuer;
    }

    int keyDownloads() {
        return keyDownloads.get();
    }

    static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** From now on the JWKS holds these keys' public halves, and only those. */
    void publish(RSAKey... keys) {
        List<JWK> publicKeys = Arrays.stream(keys).map(k -> (JWK) k.toPublicJWK()).toList();
        published = new JWKSet(publicKeys);
    }

    /** Claims as Entra ID writes them into an access token for the hub, valid for ten minutes. */
    JWTClaimsSet.Builder claims(String oid, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject("sub-" + oid)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .claim("oid", oid)
                .claim("preferred_username", oid + "@farm.example")
                .claim("roles", List.of(roles));
    }

    static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
