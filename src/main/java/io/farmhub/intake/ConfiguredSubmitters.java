package io.farmhub.intake;

import io.farmhub.security.Users;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The inbox's submitters are the hub's users: a folder must name one exactly. */
@Component
class ConfiguredSubmitters implements InboxSubmitters {

    private final Users users;

    ConfiguredSubmitters(Users users) {
        this.users = users;
    }

    @Override
    public Set<String> names() {
        return users.names();
    }
}
