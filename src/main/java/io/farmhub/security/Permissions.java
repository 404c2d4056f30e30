package io.farmhub.security;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.springframework.stereotype.Component;

/**
 * The permission table (command type → roles), read access per role and quotas, as configured. A command
 * type missing from the table is allowed to no one, so a new command is closed until someone grants it.
 */
@Component
public class Permissions {

    /** The read scope that covers everything. */
    public static final String ALL = "*";
    /** Read scope: every command's status, the command list and command streams. */
    public static final String COMMANDS = "commands";
    /** Read scope: the command-errors record. */
    public static final String ERRORS = "errors";
    /** Read scope: query runs. */
    public static final String QUERIES = "queries";

    private final SecurityProperties properties;

    public Permissions(SecurityProperties properties) {
        this.properties = properties;
    }

    public boolean mayIssue(User user, String commandType) {
        return user.hasAnyRole(properties.permissions().getOrDefault(commandType, List.of()));
    }

    /** {@code scope}: an aggregate type ({@code cow}, …), {@link #COMMANDS}, {@link #ERRORS} or {@link #QUERIES}. */
    public boolean mayRead(User user, String scope) {
        for (String role : user.roles()) {
            List<String> scopes = properties.reads().getOrDefault(role, List.of());
            if (scopes.contains(ALL) || scopes.contains(scope)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The user's daily limit for a command type, if any. interfaces.md keys quotas by user; a key that names
     * one of the user's roles applies to each user with that role. When several apply, the smallest wins.
     */
    public OptionalInt dailyQuota(User user, String commandType) {
        OptionalInt limit = OptionalInt.empty();
        for (Map.Entry<String, Map<String, Integer>> entry : properties.quotas().entrySet()) {
            boolean applies = entry.getKey().equals(user.name()) || user.roles().contains(entry.getKey());
            Integer value = entry.getValue().get(commandType);
            if (applies && value != null && (limit.isEmpty() || value < limit.getAsInt())) {
                limit = OptionalInt.of(value);
            }
        }
        return limit;
    }
}
