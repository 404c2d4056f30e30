package io.farmhub.intake;

import io.farmhub.commands.CommandStatus;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One accepted document on its way through the inbox route: the claim on it, what was read, and the commands
 * whose id was already taken by a different command (kept here because the pipeline holds the other one). Only
 * those refusals are kept in memory, never the document's commands.
 */
public final class InboxRun {

    private final InboxClaim claim;
    private final InboxDocument document;
    private final Map<String, CommandStatus.Error> refused = new ConcurrentHashMap<>();
    // Commands are submitted by several threads at once (the route's split runs in parallel).
    private final AtomicInteger submitted = new AtomicInteger();

    InboxRun(InboxClaim claim, InboxDocument document) {
        this.claim = claim;
        this.document = document;
    }

    public InboxClaim claim() {
        return claim;
    }

    public InboxDocument document() {
        return document;
    }

    /** The document's commands, read from it again as they are asked for; the splitter closes the iterator. */
    public CommandIterator commands() {
        return document.commands();
    }

    int submitted() {
        return submitted.get();
    }

    int countSubmitted() {
        return submitted.incrementAndGet();
    }

    void refuse(String commandId, CommandStatus.Error error) {
        refused.put(commandId, error);
    }

    Optional<CommandStatus.Error> refusal(String commandId) {
        return Optional.ofNullable(refused.get(commandId));
    }
}
