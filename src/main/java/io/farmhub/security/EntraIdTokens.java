package io.farmhub.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Entra ID access tokens as bearer credentials (azure profile, when {@code farmhub.security.jwt.issuer-uri} is
 * set): signed by a key the issuer publishes, {@code iss} the issuer, {@code aud} the hub, within {@code exp} and
 * {@code nbf}. The user is {@code oid} (else {@code sub}), its roles are the {@code roles} claim (Entra app roles
 * named like FarmHub's roles). A bad token is a {@link Check.Refused} with a reason a caller can act on; the token
 * itself is never put into a message or a log.
 */
@Component
public class EntraIdTokens {

    /** Asymmetric only: an HMAC "signature" would be checked with a public key anyone can read. */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);
    /** Roles the hub gives only to itself: a token naming one does not get it. */
    static final Set<String> INTERNAL_ROLES = Set.of("scheduler");
    /** Three base64url parts; API keys are one (they never hold a dot). */
    private static final Pattern JWT_SHAPE = Pattern.compile("[A-Za-z0-9_=-]+\\.[A-Za-z0-9_=-]+\\.[A-Za-z0-9_=-]*");

    /** What a token proved. */
    public sealed interface Check {
        record Accepted(User user) implements Check {
        }

        record Refused(String reason) implements Check {
        }

        /** The issuer's keys could not be fetched: not the caller's fault, and not a verdict on the token. */
        record Unavailable(String reason) implements Check {
        }
    }

    private final SecurityProperties.Jwt settings;
    private final IssuerKeys keys;
    private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();
    private final Clock clock;

    public EntraIdTokens(SecurityProperties properties, ObjectProvider<Clock> clock) {
        this.settings = properties.jwt();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        if (settings.enabled() && settings.audience() == null) {
            // Without an audience every token the tenant issues, for any application, would pass.
            throw new IllegalStateException("farmhub.security.jwt.issuer-uri is set, so farmhub.security.jwt.audience "
                    + "must name the hub's app registration (its client id or Application ID URI)");
        }
        this.keys = settings.enabled() ? new IssuerKeys(settings.issuerUri(), ALGORITHMS,
                settings.keyRefreshInterval()) : null;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** True for a credential shaped like a JWT (header.payload.signature), which an API key never is. */
    public static boolean looksLikeJwt(String credential) {
        return credential != null && JWT_SHAPE.matcher(credential).matches();
    }

    public Check check(String token) {
        if (!enabled()) {
            return new Check.Refused("This hub accepts API keys only (farmhub.security.jwt.issuer-uri is not set).");
        }
        JWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = JWTParser.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return new Check.Refused("The bearer token is not a well-formed JWT.");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            return new Check.Refused(jwt instanceof PlainJWT
                    ? "The token is not signed (alg none); only tokens signed by the issuer are accepted."
                    : "Encrypted tokens are not accepted; send the issuer's signed access token.");
        }
        JWSHeader header = signed.getHeader();
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            return new Check.Refused("The token is signed with " + header.getAlgorithm()
                    + "; only the issuer's asymmetric signatures (RS256 and the like) are accepted.");
        }
        // The issuer before the signature: a token from elsewhere never makes the hub fetch keys.
        if (!settings.issuerUri().equals(claims.getIssuer())) {
            return new Check.Refused("The token was issued by '" + claims.getIssuer()
                    + "', not by the issuer this hub trusts (" + settings.issuerUri() + ").");
        }
        try {
            List<Key> candidates = keys.candidates(header);
            if (candidates.isEmpty()) {
                return new Check.Refused("The token is signed with a key (kid '" + header.getKeyID()
                        + "') that the issuer does not publish.");
            }
            if (!verifiedByAny(signed, candidates)) {
                return new Check.Refused("The token's signature is not valid.");
            }
        } catch (IssuerKeys.Unreachable e) {
            return new Check.Unavailable("Bearer tokens cannot be checked now: " + e.getMessage());
        }
        return claimsChecked(claims);
    }

    private boolean verifiedByAny(SignedJWT signed, List<Key> candidates) {
        for (Key key : candidates) {
            try {
                if (signed.verify(verifiers.createJWSVerifier(signed.getHeader(), key))) {
                    return true;
                }
            } catch (JOSEException wrongKindOfKey) {
                // This key cannot check this algorithm; another candidate may.
            }
        }
        return false;
    }

    private Check claimsChecked(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Duration skew = settings.clockSkew();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            return new Check.Refused("The token has no expiry (exp).");
        }
        if (now.minus(skew).isAfter(exp.toInstant())) {
            return new Check.Refused("The token expired at " + exp.toInstant() + ".");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.plus(skew).isBefore(nbf.toInstant())) {
            return new Check.Refused("The token is not valid before " + nbf.toInstant() + ".");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(settings.audience())) {
            return new Check.Refused("The token is meant for " + claims.getAudience()
                    + ", not for this hub (" + settings.audience() + ").");
        }
        return EntraClaims.user(claims);
    }
}
