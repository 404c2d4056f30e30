package io.farmhub.security;

import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The {@link Authorizer} over the configured users, permission table and quotas. The REST API calls it
 * before it submits (so the caller gets its 403 at once) and the pipeline's authorise step calls it again
 * for every command; the quota counts a command id once, so the second call is free and a re-driven
 * command never counts twice.
 */
@Component
public class ConfiguredAuthorizer implements Authorizer {

    private final Users users;
    private final Permissions permissions;
    private final QuotaLedger ledger;
    private final Clock clock;

    public ConfiguredAuthorizer(Users users, Permissions permissions, QuotaLedger ledger,
            ObjectProvider<Clock> clock) {
        this.users = users;
        this.permissions = permissions;
        this.ledger = ledger;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public Optional<Rejection> authorise(String userName, String commandType, String commandId) {
        Optional<User> user = users.byName(userName);
        if (user.isEmpty()) {
            return Optional.of(Rejection.of(ErrorCode.FORBIDDEN, "submittedBy",
                    "'" + userName + "' is not a FarmHub user, so it may not issue " + commandType + "."));
        }
        return authorise(user.get(), commandType, commandId);
    }

    @Override
    public Optional<Rejection> authorise(User user, String commandType, String commandId) {
        String userName = user.name();
        if (!permissions.mayIssue(user, commandType)) {
            String who = user.displayName().equals(userName) ? userName : userName + " (" + user.displayName() + ")";
            return Optional.of(Rejection.of(ErrorCode.FORBIDDEN, "commandType",
                    who + " (roles " + String.join(", ", user.roles().stream().sorted().toList())
                            + ") may not issue " + commandType + "."));
        }
        OptionalInt quota = permissions.dailyQuota(user, commandType);
        if (quota.isPresent()) {
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            if (!ledger.count(userName, commandType, commandId, today, quota.getAsInt())) {
                return Optional.of(Rejection.of(ErrorCode.QUOTA_EXCEEDED, "commandType",
                        userName + " has used today's quota of " + quota.getAsInt() + " " + commandType
                                + " commands; it resets at midnight UTC."));
            }
        }
        return Optional.empty();
    }
}
