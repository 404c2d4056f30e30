package io.farmhub.security;

import java.util.Collection;
import java.util.Set;

/**
 * An authenticated caller: its name (what commands record as {@code submittedBy}) and its roles.
 *
 * @param displayName for people reading logs and messages: a token's {@code preferred_username} or {@code name};
 *                    a configured user's name
 * @param fromToken   the roles came from a bearer JWT, not from configuration: no directory holds them, so a
 *                    command must carry them ({@link #rolesToCarry()})
 */
public record User(String name, Set<String> roles, String displayName, boolean fromToken) {

    public User {
        roles = Set.copyOf(roles);
        displayName = displayName == null || displayName.isBlank() ? name : displayName;
    }

    /** A configured user (API key, inbox folder, schedule). */
    public User(String name, Set<String> roles) {
        this(name, roles, name, false);
    }

    public boolean hasAnyRole(Collection<String> allowed) {
        return allowed.stream().anyMatch(roles::contains);
    }

    /** The roles a command records for its authorise step: a token's; none (null) for a configured user. */
    public Set<String> rolesToCarry() {
        return fromToken ? roles : null;
    }
}
