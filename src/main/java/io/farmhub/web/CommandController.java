package io.farmhub.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.commands.CommandError;
import io.farmhub.commands.CommandErrors;
import io.farmhub.commands.CommandGateway;
import io.farmhub.commands.CommandHandlers;
import io.farmhub.commands.CommandState;
import io.farmhub.commands.CommandStatus;
import io.farmhub.commands.Submission;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;
import io.farmhub.security.Authorizer;
import io.farmhub.security.Permissions;
import io.farmhub.security.User;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * Commands over HTTP: submit, status, recent, resume. A command the caller may not issue is refused here,
 * synchronously (403), and recorded once in command-errors; one it may issue goes to the
 * {@link CommandGateway}, whose authorise step asks the same {@link Authorizer} again at no cost (the quota
 * counts a command id once).
 */
@RestController
@RequestMapping("/api/commands")
public class CommandController {

    /** Client command ids must survive a URL path as they are. */
    private static final Pattern COMMAND_ID = Pattern.compile("[A-Za-z0-9._:@+=~-]+");

    private final CommandGateway gateway;
    private final CommandErrors errors;
    private final Authorizer authorizer;
    private final Permissions permissions;
    private final CommandHandlers handlers;

    public CommandController(CommandGateway gateway, CommandErrors errors, Authorizer authorizer,
            Permissions permissions, CommandHandlers handlers) {
        this.gateway = gateway;
        this.errors = errors;
        this.authorizer = authorizer;
        this.permissions = permissions;
        this.handlers = handlers;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> submit(@RequestBody JsonNode body, User user) {
        CommandDocument doc = CommandDocument.read(body);
        if (doc.commandId() != null && !COMMAND_ID.matcher(doc.commandId()).matches()) {
            throw ApiProblem.malformed("$.commandId",
                    "commandId may hold only letters, digits and . _ : @ + = ~ - (it becomes part of a URL).");
        }
        String commandId = doc.commandId() != null ? doc.commandId() : UUID.randomUUID().toString();
        CommandSource source = CommandSource.api(user.name());
        if (handlers.forType(doc.commandType()).isEmpty()) {
            throw refused(HttpStatus.BAD_REQUEST, Rejection.of(ErrorCode.UNKNOWN_COMMAND, "commandType",
                    "FarmHub has no command called '" + doc.commandType() + "'."), doc, commandId, user, source);
        }
        Optional<Rejection> denied = authorizer.authorise(user, doc.commandType(), commandId);
        if (denied.isPresent()) {
            throw refused(HttpStatus.FORBIDDEN, denied.get(), doc, commandId, user, source);
        }
        Submission submission = gateway.submit(
                new CommandRequest(doc.commandType(), commandId, doc.payload(), user.name(), source,
                        user.rolesToCarry()));
        if (submission instanceof Submission.Accepted accepted) {
            return ResponseEntity.accepted().location(java.net.URI.create(statusUrl(commandId)))
                    .body(Map.of("commandId", commandId, "state", accepted.status().state(),
                            "statusUrl", statusUrl(commandId)));
        }
        if (submission instanceof Submission.AlreadyKnown known) {
            return ResponseEntity.ok(known.status());
        }
        ProblemDetail conflict = Problems.of(HttpStatus.CONFLICT, ErrorCode.CONFLICT.name(), "$.commandId",
                "The command id '" + commandId + "' was already used for a different command; "
                        + "send a new id, or the same command again.");
        conflict.setProperty("statusUrl", statusUrl(commandId));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(conflict);
    }

    /** Records the refused attempt once, here, because the pipeline never sees it. */
    private ApiProblem refused(HttpStatus status, Rejection rejection, CommandDocument doc, String commandId,
            User user, CommandSource source) {
        errors.record(new CommandError(Instant.now(), commandId, doc.commandType(), rejection.code().name(),
                rejection.field(), rejection.message(), user.name(), source));
        return ApiProblem.of(status, rejection);
    }

    @GetMapping("/{commandId}")
    CommandStatus status(@PathVariable String commandId, User user) {
        return readable(commandId, user);
    }

    @GetMapping
    Map<String, List<CommandStatus>> recent(@RequestParam(required = false) String state,
            @RequestParam(required = false) String limit, User user) {
        if (!permissions.mayRead(user, Permissions.COMMANDS)) {
            throw ApiProblem.forbidden(user.name() + " may not list other users' commands.");
        }
        return Map.of("commands", gateway.recent(state(state), Limits.parse(limit)));
    }

    @PostMapping("/{commandId}/resume")
    ResponseEntity<Map<String, Object>> resume(@PathVariable String commandId, User user) {
        CommandStatus status = gateway.status(commandId)
                .orElseThrow(() -> ApiProblem.notFound("There is no command '" + commandId + "'."));
        if (!user.name().equals(status.submittedBy()) && !permissions.mayIssue(user, status.commandType())) {
            throw ApiProblem.forbidden(user.name() + " may not resume " + status.commandType() + " commands.");
        }
        if (status.state() == CommandState.COMPLETED || status.state() == CommandState.INVALID) {
            throw new ApiProblem(HttpStatus.CONFLICT, ErrorCode.CONFLICT.name(), null, "The command is "
                    + status.state() + ": there is nothing to resume; only a FAILED or stalled command can be.");
        }
        CommandStatus resumed = gateway.resume(commandId, user.name())
                .orElseThrow(() -> ApiProblem.notFound("There is no command '" + commandId + "'."));
        return ResponseEntity.accepted().body(Map.of("commandId", commandId, "state", resumed.state(),
                "statusUrl", statusUrl(commandId)));
    }

    /** The status, if the caller submitted the command or may read every command. */
    CommandStatus readable(String commandId, User user) {
        CommandStatus status = gateway.status(commandId)
                .orElseThrow(() -> ApiProblem.notFound("There is no command '" + commandId + "'."));
        if (!user.name().equals(status.submittedBy()) && !permissions.mayRead(user, Permissions.COMMANDS)) {
            throw ApiProblem.forbidden(user.name() + " may read only the commands it submitted.");
        }
        return status;
    }

    static String statusUrl(String commandId) {
        return "/api/commands/" + UriUtils.encodePathSegment(commandId, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static CommandState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return CommandState.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.malformed("state", "state must be one of " + List.of(CommandState.values()) + ".");
        }
    }
}
