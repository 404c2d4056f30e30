package io.farmhub.security;

import io.farmhub.core.Rejection;
import java.util.Optional;

/**
 * The pipeline's authorise step: may this user issue this command type now? Roles come from the
 * configured users, the permission table maps command types to roles, and quotas count per user, per
 * command type, per UTC day. Empty when allowed; otherwise a FORBIDDEN or QUOTA_EXCEEDED rejection.
 * An allowed call counts against the quota.
 */
public interface Authorizer {

    /** For a configured user, by name (the inbox, schedules, a command re-driven after a restart). */
    Optional<Rejection> authorise(String user, String commandType, String commandId);

    /** For a user whose roles are known already: a token's, which no configuration holds. */
    Optional<Rejection> authorise(User user, String commandType, String commandId);
}
