package io.farmhub.commands;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Finds the commands to drive forward: on the first run after start-up, every command still running that was
 * last touched before this process started (its driver died with the previous one); later, every command still
 * running that has not moved for {@code farmhub.commands.stalled-after}. FAILED commands wait for a resume.
 */
@Component("commandReconciliation")
public class CommandReconciliation {

    private static final Logger log = LoggerFactory.getLogger(CommandReconciliation.class);

    private final CommandIndex index;
    private final CommandLog commands;
    private final Duration stalledAfter;
    private final Instant startedAt;
    private final AtomicBoolean ranOnce = new AtomicBoolean();

    public CommandReconciliation(CommandIndex index, CommandLog commands,
            @Value("${farmhub.commands.stalled-after:PT1M}") Duration stalledAfter) {
        this.index = index;
        this.commands = commands;
        this.stalledAfter = stalledAfter;
        this.startedAt = commands.now();
    }

    /** The ids to drive again: the first call (at start-up) finds what the previous process left running. */
    public List<String> stalled() {
        boolean firstRun = !ranOnce.getAndSet(true);
        Instant threshold = firstRun ? startedAt : commands.now().minus(stalledAfter);
        List<String> drive = new ArrayList<>();
        for (CommandIndex.Entry entry : index.stalled(threshold)) {
            Optional<CommandProgress> found = commands.load(entry);
            if (found.isEmpty()) {
                // Indexed by a submit that died before it wrote the command: it was never acknowledged.
                index.forget(entry.commandId());
            } else if (found.get().state().terminal()) {
                // The index missed the last state change (it is only a lookup; the stream is the truth).
                index.state(entry.commandId(), found.get().state(), found.get().status().updatedAt());
            } else {
                drive.add(entry.commandId());
            }
        }
        if (!drive.isEmpty()) {
            log.info("driving {} stalled command(s) forward", drive.size());
        }
        return drive;
    }
}
