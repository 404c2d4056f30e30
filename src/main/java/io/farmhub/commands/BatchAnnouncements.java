package io.farmhub.commands;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a complete batch ({@link CommandBatches}) tells the rest of the hub, after its record and appends are stored:
 * the index learns where each command lives, refusals reach command-errors, readers hear of the events and the ends,
 * and anyone watching a command sees its final status. Each part is idempotent, so a batch run again after a crash
 * announces again without listing anything twice.
 */
@Component
public class BatchAnnouncements {

    private final CommandIndex index;
    private final CommandErrors errors;
    private final CommandNotifications notifications;
    private final CommandWatchers watchers;
    private final CommandLog log;

    public BatchAnnouncements(CommandIndex index, CommandErrors errors, CommandNotifications notifications,
            CommandWatchers watchers, CommandLog log) {
        this.index = index;
        this.errors = errors;
        this.notifications = notifications;
        this.watchers = watchers;
        this.log = log;
    }

    void announce(BatchRecord batch) {
        log.keep(batch);
        List<CommandIndex.Entry> entries = new ArrayList<>();
        BatchEntry.Decided decided = batch.decided();
        for (BatchedCommand c : decided.commands()) {
            entries.add(new CommandIndex.Entry(c.commandId(), batch.stream(), c.state(), c.createdAt(), decided.at()));
        }
        index.putAll(entries);
        for (BatchedCommand c : decided.commands()) {
            for (CommandStatus.Error e : c.errors()) {
                errors.record(new CommandError(decided.at(), c.commandId(), c.commandType(), e.code(), e.field(),
                        e.message(), c.submittedBy(), c.source()));
            }
            if (watchers.watching(c.commandId())) {
                batch.progress(c.commandId()).ifPresent(p -> watchers.changed(p.status()));
            }
        }
        notifications.batchPublished(batch);
    }
}
