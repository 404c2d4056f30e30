package io.farmhub.commands;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who is watching which command in this process (the progress stream of the REST API). A watcher hears every
 * status recorded here and is dropped after a terminal one. A watcher that throws is dropped too: a closed
 * browser must never stop a command.
 */
@Component
public class CommandWatchers {

    private static final Logger log = LoggerFactory.getLogger(CommandWatchers.class);

    private final Map<String, List<Consumer<CommandStatus>>> byCommand = new ConcurrentHashMap<>();

    AutoCloseable add(String commandId, Consumer<CommandStatus> watcher) {
        byCommand.computeIfAbsent(commandId, id -> new CopyOnWriteArrayList<>()).add(watcher);
        return () -> remove(commandId, watcher);
    }

    boolean watching(String commandId) {
        return byCommand.containsKey(commandId);
    }

    void changed(CommandStatus status) {
        List<Consumer<CommandStatus>> watchers = byCommand.get(status.commandId());
        if (watchers == null) {
            return;
        }
        for (Consumer<CommandStatus> watcher : watchers) {
            try {
                watcher.accept(status);
            } catch (RuntimeException e) {
                log.debug("dropping a watcher of command {}: {}", status.commandId(), e.getMessage());
                remove(status.commandId(), watcher);
                continue;
            }
            if (status.state().terminal()) {
                remove(status.commandId(), watcher);
            }
        }
    }

    private void remove(String commandId, Consumer<CommandStatus> watcher) {
        byCommand.computeIfPresent(commandId, (id, list) -> {
            list.remove(watcher);
            return list.isEmpty() ? null : list;
        });
    }
}
