package io.farmhub.intake;

import io.farmhub.commands.CommandError;
import io.farmhub.commands.CommandErrors;
import io.farmhub.commands.CommandGateway;
import io.farmhub.commands.CommandStatus;
import io.farmhub.commands.OrderedSubmissions;
import io.farmhub.commands.OrderedSubmitter;
import io.farmhub.commands.Submission;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The steps of the inbox route ({@code routes/inbox.yaml}): claim, read, submit each command, wait and archive
 * with the result, or reject to command-errors; remove the original last. The route decides the order and the
 * streaming; this bean does each step and logs what a farmer or an operator would want to follow.
 */
@Component("inboxIntake")
public class InboxIntake {

    private static final Logger log = LoggerFactory.getLogger(InboxIntake.class);

    private final InboxClaims claims;
    private final InboxReader reader;
    private final Supplier<Set<String>> users;
    private final CommandGateway gateway;
    private final CommandErrors errors;
    private final InboxResults results;
    private final InboxArchive archive;
    private final int progressEvery;
    private final OrderedSubmissions submissions;
    private final int inFlight;
    private final String hub;

    public InboxIntake(InboxClaims claims, InboxReader reader, InboxSubmitters users, CommandGateway gateway,
            CommandErrors errors, InboxResults results, InboxArchive archive,
            @Value("${farmhub.inbox.progress-every:1000}") int progressEvery, OrderedSubmissions submissions,
            @Value("${farmhub.inbox.in-flight:256}") int inFlight, CamelContext camel) {
        this.claims = claims;
        this.reader = reader;
        this.users = users::names;
        this.gateway = gateway;
        this.errors = errors;
        this.results = results;
        this.archive = archive;
        this.progressEvery = Math.max(1, progressEvery);
        this.submissions = submissions;
        this.inFlight = inFlight;
        // Several hubs may share one inbox: the log says which one took a document.
        this.hub = camel.getName();
    }

    /** The documents waiting in the inbox, one queue per user folder, each in name order. */
    public List<InboxQueue> waiting() throws IOException {
        return claims.waiting();
    }

    /** The document, claimed for this hub; null when another hub has it or it is gone. */
    public InboxClaim claim(String document) throws IOException {
        return claims.claim(document);
    }

    public InboxOutcome read(InboxClaim claim) {
        return reader.read(claim.document(), claim.content(), users.get());
    }

    public InboxRun start(InboxClaim claim, InboxOutcome.Accepted accepted) {
        InboxDocument document = accepted.document();
        log.info("inbox {}: {} from {}, {} commands", claim.document(), document.form(), document.submittedBy(),
                document.commandCount());
        InboxRun run = new InboxRun(claim, document);
        // One sequence per document: its rows take effect in row order; other documents carry no order to it.
        run.submitWith(submissions.sequence(inFlight, (command, submission) -> refused(run, command, submission)));
        return run;
    }

    /**
     * Hands one command of the document to its sequence, in row order: it is submitted once every earlier row it
     * conflicts with has finished, without waiting for the others. Waits while the document has
     * {@code farmhub.inbox.in-flight} commands unfinished. Logs progress every so many commands.
     */
    public void submit(InboxRun run, CommandRequest command) throws InterruptedException {
        run.submitter().submit(command);
        int submitted = run.countSubmitted();
        if (submitted % progressEvery == 0 || submitted == run.document().commandCount()) {
            log.info("inbox {}: {} of {} commands submitted", run.claim().document(), submitted,
                    run.document().commandCount());
        }
    }

    private void refused(InboxRun run, CommandRequest command, Submission submission) {
        if (submission instanceof Submission.PayloadMismatch mismatch) {
            String message = "The commandId '" + command.commandId() + "' is already used by a different "
                    + mismatch.existing().commandType() + " command; give this command its own commandId.";
            run.refuse(command.commandId(), new CommandStatus.Error(ErrorCode.CONFLICT.name(), "commandId",
                    message, true));
            errors.record(new CommandError(Instant.now(), command.commandId(), command.commandType(),
                    ErrorCode.CONFLICT.name(), "commandId", message, command.submittedBy(), command.source()));
        }
    }

    /**
     * Waits for the commands, then copies the document and its result into the archive. When no command finished
     * for {@code farmhub.inbox.command-timeout} but every one was submitted, the document is archived with the
     * states they reached (the commands go on; reconciliation drives them if they stalled). When rows still wait
     * for an earlier one, or the sequence met a fault, this throws: the document stays in the inbox to be tried
     * again, since archiving it would leave its later rows unsubmitted, and submitting them out of order.
     */
    public void archive(InboxRun run) throws IOException, InterruptedException {
        try {
            run.submitter().awaitAll();
        } catch (OrderedSubmitter.Stalled stalled) {
            if (!run.submitter().allSubmitted()) {
                throw stalled;
            }
        } finally {
            run.submitter().close();
        }
        InboxResults.Written written = results.write(run);
        try {
            String key = archive.archive(run.claim(), run.document().path(), written.file());
            log.info("inbox {}: archived by {} as {} in {}: {}", run.claim().document(), hub, key,
                    archive.archiveStore().describe(), written.states());
            if (written.unfinished() > 0) {
                log.warn("inbox {}: {} commands were still running when the document was archived; their result"
                        + " lines show the state they had reached", run.claim().document(), written.unfinished());
            }
        } finally {
            Files.deleteIfExists(written.file());
        }
    }

    /** Copies a document rejected as a whole into command-errors, with its error, and records the error. */
    public void reject(InboxClaim claim, InboxOutcome.Rejected rejected) throws IOException {
        DocumentError error = rejected.error();
        String key = archive.reject(claim, error);
        errors.record(new CommandError(Instant.now(), null, null, error.code().name(), error.field(),
                error.message(), error.submittedBy(), new CommandSource("inbox", claim.document(), null, null, null,
                        null)));
        log.info("inbox {}: rejected ({}) by {}, kept as {} in {}", claim.document(), error.code(), hub, key,
                archive.errorsStore().describe());
    }

    /** The last step: the copy is safe, so the original leaves the inbox. */
    public void finish(InboxClaim claim) throws IOException {
        try {
            claim.remove();
        } finally {
            claim.close();
        }
    }

    /**
     * An infrastructure fault (storage, disk) stopped the document: it stays in the inbox and the next poll tries
     * again. Its commands are idempotent by id, so what already ran is not repeated. The rest of its folder waits
     * for that poll too, so the user's documents still run in name order.
     */
    public void fault(InboxQueue queue, InboxClaim claim, InboxRun run, Exception cause) {
        if (run != null && run.submitter() != null) {
            run.submitter().close(); // what was submitted runs on; nothing after it is sent
        }
        if (queue != null) {
            queue.halt();
        }
        if (claim != null) {
            claim.close();
        }
        log.warn("inbox {}: stopped by a fault, left in the inbox to be tried again: {}",
                claim == null ? "(unclaimed document)" : claim.document(), cause.toString());
    }

    /** The inbox could not be listed; the next poll looks again. */
    public void unlisted(Exception cause) {
        log.warn("inbox: could not be listed, looking again at the next poll: {}", cause.toString());
    }
}
