package io.farmhub.security;

import java.util.Set;

/** An authenticated caller: its name (what commands record as {@code submittedBy}) and its roles. */
public record User(String name, Set<String> roles) {

    public User {
        roles = Set.copyOf(roles);
    }

    public boolean hasAnyRole(java.util.Collection<String> allowed) {
        return allowed.stream().anyMatch(roles::contains);
    }
}
