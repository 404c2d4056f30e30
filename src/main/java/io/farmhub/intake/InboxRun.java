package io.farmhub.intake;

import io.farmhub.commands.CommandStatus;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One accepted document on its way through the inbox route: the claim on it, what was read, and the commands
 * whose id was already taken by a different command (kept here because the pipeline holds the other one). Only
 * those refusals and the ids of the commands still in the pipeline (at most {@code farmhub.inbox.in-flight}) are
 * kept in memory, never the document's commands.
 */
public final class InboxRun {

    private final InboxClaim claim;
    private final InboxDocument document;
    private final Map<String, CommandStatus.Error> refused = new ConcurrentHashMap<>();
    // The commands submitted and not yet seen finished, oldest first, at most `window` of them.
    private final Deque<String> unfinished = new ArrayDeque<>();
    private final int window;
    // Commands are submitted by several threads at once (the route's split runs in parallel).
    private final AtomicInteger submitted = new AtomicInteger();

    InboxRun(InboxClaim claim, InboxDocument document, int window) {
        this.claim = claim;
        this.document = document;
        this.window = Math.max(1, window);
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

    /**
     * Counts a command just submitted among the document's unfinished ones; when that makes more than the window,
     * the oldest of them, which the caller waits for before it submits another. So however long the document, at
     * most a window's worth of its commands is in the pipeline at once, and memory does not grow with it.
     */
    synchronized Optional<String> admit(String commandId) {
        unfinished.addLast(commandId);
        return unfinished.size() > window ? Optional.of(unfinished.removeFirst()) : Optional.empty();
    }

    void refuse(String commandId, CommandStatus.Error error) {
        refused.put(commandId, error);
    }

    Optional<CommandStatus.Error> refusal(String commandId) {
        return Optional.ofNullable(refused.get(commandId));
    }
}
