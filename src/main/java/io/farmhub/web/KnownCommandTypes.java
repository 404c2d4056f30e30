package io.farmhub.web;

import io.farmhub.core.CommandHandler;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The command types the hub has a handler for, so the API can answer UNKNOWN_COMMAND before it accepts one. */
@Component
public class KnownCommandTypes {

    private final ObjectProvider<CommandHandler<?>> handlers;
    private volatile Set<String> types;

    public KnownCommandTypes(ObjectProvider<CommandHandler<?>> handlers) {
        this.handlers = handlers;
    }

    public boolean contains(String commandType) {
        return all().contains(commandType);
    }

    public Set<String> all() {
        if (types == null) {
            Set<String> found = new TreeSet<>();
            handlers.orderedStream().forEach(h -> found.add(h.commandType()));
            types = Set.copyOf(found);
        }
        return types;
    }
}
