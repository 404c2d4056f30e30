package io.farmhub.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.CommandHandler;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;
import io.farmhub.security.Authorizer;
import io.farmhub.security.User;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The authorise and validate steps' rules, one place for the command workflow ({@link CommandWorkflow}) and for
 * batches ({@link CommandBatches}): who may send the command, and whether it reads and passes its handler's checks
 * that need no state.
 */
@Component
public class Admission {

    private final CommandHandlers handlers;
    private final ObjectProvider<Authorizer> authorizer;
    private final PipelineClock clock;
    /** Looked up once it exists: resolving the provider for every command cost more than authorising it. */
    private volatile Authorizer resolved;

    public Admission(CommandHandlers handlers, ObjectProvider<Authorizer> authorizer, PipelineClock clock) {
        this.handlers = handlers;
        this.authorizer = authorizer;
        this.clock = clock;
    }

    /**
     * Why {@code submittedBy} may not send it, if so. A token's roles ({@code grantedRoles}) travel with the command
     * (no configuration holds them); a configured user's (null here) are read now.
     */
    Optional<Rejection> refusal(String submittedBy, Set<String> grantedRoles, String commandType, String commandId) {
        Authorizer authorise = resolved;
        if (authorise == null) {
            authorise = resolved = authorizer.getIfAvailable();
        }
        if (authorise == null) {
            throw new IllegalStateException("no Authorizer is configured, so no command can be authorised");
        }
        // A missing type is asked about as "" (no role names it); validation then says UNKNOWN_COMMAND.
        String type = commandType == null ? "" : commandType;
        return grantedRoles == null
                ? authorise.authorise(submittedBy, type, commandId)
                : authorise.authorise(new User(submittedBy, grantedRoles, submittedBy, true), type, commandId);
    }

    /** The rules the command breaks as sent: an unknown type, a payload that does not read, its handler's checks. */
    List<Rejection> problems(String commandType, JsonNode payload) {
        return check(commandType, payload).problems();
    }

    /**
     * The command as its handler reads it (normalised; null when it does not read), with the rules it breaks as
     * sent. A batch keeps the command to decide it, so each payload is read once.
     */
    Checked check(String commandType, JsonNode payload) {
        Optional<CommandHandler<?>> handler = handlers.forType(commandType);
        if (handler.isEmpty()) {
            return new Checked(null, List.of(Rejection.of(ErrorCode.UNKNOWN_COMMAND, "commandType",
                    "FarmHub knows no command '" + commandType + "'.")));
        }
        return check(handler.get(), payload);
    }

    private <C> Checked check(CommandHandler<C> handler, JsonNode payload) {
        CommandPayloads.Parsed<C> parsed = CommandPayloads.read(handler, payload);
        if (parsed.problem() != null) {
            return new Checked(null, List.of(parsed.problem()));
        }
        C command = handler.normalise(parsed.command());
        return new Checked(command, handler.validate(command, clock.today()));
    }

    /** What {@link #check} found. */
    record Checked(Object command, List<Rejection> problems) {
    }
}
