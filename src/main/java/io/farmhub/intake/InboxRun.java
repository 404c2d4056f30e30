package io.farmhub.intake;

import io.farmhub.commands.CommandStatus;
import io.farmhub.commands.OrderedSubmitter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One accepted document on its way through the inbox route: the claim on it, what was read, and the commands
 * whose id was already taken by a different command (kept here because the pipeline holds the other one), and the
 * document's one {@link OrderedSubmitter}, which puts its rows in effect in row order. Only those refusals and the
 * commands still unfinished (at most {@code farmhub.inbox.in-flight}) are kept in memory, never the document's
 * commands.
 */
public final class InboxRun {

    private final InboxClaim claim;
    private final InboxDocument document;
    private final Map<String, CommandStatus.Error> refused = new ConcurrentHashMap<>();
    private final AtomicInteger submitted = new AtomicInteger();
    private OrderedSubmitter submitter; // set once, by start, before any command is submitted

    InboxRun(InboxClaim claim, InboxDocument document) {
        this.claim = claim;
        this.document = document;
    }

    void submitWith(OrderedSubmitter submitter) {
        this.submitter = submitter;
    }

    OrderedSubmitter submitter() {
        return submitter;
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
