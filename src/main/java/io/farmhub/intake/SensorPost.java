package io.farmhub.intake;

import java.util.Set;

/**
 * A body of readings posted to {@code POST /api/sensors/readings}, with the user whose credential sent it and,
 * for a bearer token, the roles it granted (null for an API-key user).
 */
public record SensorPost(String body, String submittedBy, Set<String> grantedRoles) {

    public SensorPost(String body, String submittedBy) {
        this(body, submittedBy, null);
    }
}
