package io.farmhub.web;

import io.farmhub.commands.CommandError;
import io.farmhub.commands.CommandErrors;
import io.farmhub.security.Permissions;
import io.farmhub.security.User;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/errors?limit=}: recent command errors and rejected documents, newest first. */
@RestController
public class CommandErrorsController {

    private final CommandErrors errors;
    private final Permissions permissions;

    public CommandErrorsController(CommandErrors errors, Permissions permissions) {
        this.errors = errors;
        this.permissions = permissions;
    }

    @GetMapping("/api/errors")
    Map<String, List<CommandError>> recent(@RequestParam(required = false) String limit, User user) {
        if (!permissions.mayRead(user, Permissions.ERRORS)) {
            throw ApiProblem.forbidden(user.name() + " may not read the command-errors record.");
        }
        return Map.of("errors", errors.recent(Limits.parse(limit)));
    }
}
