package io.farmhub.commands;

import io.farmhub.core.CommandHandler;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every command type the hub knows, from the {@link CommandHandler} beans (each aggregate package lists its
 * handlers; {@code FarmCommandCatalog} makes them beans). Two handlers for one type stop the start-up: which one
 * would run must never be an accident of bean order.
 */
@Component
public class CommandHandlers {

    private final Map<String, CommandHandler<?>> byType = new TreeMap<>();

    @Autowired
    public CommandHandlers(ObjectProvider<CommandHandler<?>> handlers) {
        this(handlers.orderedStream().toList());
    }

    public CommandHandlers(List<CommandHandler<?>> handlers) {
        for (CommandHandler<?> handler : handlers) {
            CommandHandler<?> previous = byType.putIfAbsent(handler.commandType(), handler);
            if (previous != null) {
                throw new IllegalStateException("two handlers for command type " + handler.commandType() + ": "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
    }

    public Optional<CommandHandler<?>> forType(String commandType) {
        return Optional.ofNullable(commandType).map(byType::get);
    }

    public java.util.Set<String> commandTypes() {
        return byType.keySet();
    }
}
