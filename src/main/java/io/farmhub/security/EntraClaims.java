package io.farmhub.security;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a verified Entra ID token names, by Entra's conventions: {@code oid} (the object id, stable across the
 * tenant's applications) or else {@code sub}; for people {@code preferred_username} or {@code name}; the
 * {@code roles} claim holds the app roles assigned to the user or the calling application, whose values are
 * FarmHub's role names. Internal roles are dropped: no token makes its bearer the scheduler.
 */
final class EntraClaims {

    private static final Logger log = LoggerFactory.getLogger(EntraClaims.class);

    private EntraClaims() {
    }

    static EntraIdTokens.Check user(JWTClaimsSet claims) {
        String name = firstText(claims, "oid", "sub");
        if (name == null) {
            return new EntraIdTokens.Check.Refused("The token names no user (neither oid nor sub).");
        }
        List<String> claimed;
        try {
            claimed = claims.getStringListClaim("roles");
        } catch (ParseException e) {
            return new EntraIdTokens.Check.Refused("The token's roles claim is not a list of role names.");
        }
        Set<String> roles = new LinkedHashSet<>(claimed == null ? List.of() : claimed);
        if (roles.removeAll(EntraIdTokens.INTERNAL_ROLES)) {
            log.warn("a token for {} claims an internal role ({}); it is ignored", name, EntraIdTokens.INTERNAL_ROLES);
        }
        return new EntraIdTokens.Check.Accepted(
                new User(name, roles, firstText(claims, "preferred_username", "name"), true));
    }

    private static String firstText(JWTClaimsSet claims, String... names) {
        for (String claim : names) {
            Object value = claims.getClaim(claim);
            if (value instanceof String text && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }
}
