package io.farmhub.intake;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.farmhub.commands.CommandState;
import io.farmhub.commands.CommandStatus;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes a document's {@code <name>.result.json} once its commands have run. The document is read again, command
 * by command, and each line of the result is written as soon as its command is terminal, into a temporary file:
 * a 10,000-row form never has its commands or their statuses in memory at once.
 *
 * <p>One deadline ({@code farmhub.inbox.command-timeout}, from the moment the waiting starts) covers the whole
 * document. A command still running then is written with the state it has reached (CREATED, VALIDATED or
 * IN_PROGRESS) and the document is archived anyway: the command goes on, reconciliation drives it if it stalled,
 * and {@code GET /api/commands/{commandId}} tells how it ended.
 */
@Component
public class InboxResults {

    private static final Logger log = LoggerFactory.getLogger(InboxResults.class);

    private final CommandWaits waits;
    private final Duration timeout;
    private final int progressEvery;

    public InboxResults(CommandWaits waits, @Value("${farmhub.inbox.command-timeout:PT10M}") Duration timeout,
            @Value("${farmhub.inbox.progress-every:1000}") int progressEvery) {
        this.waits = waits;
        this.timeout = timeout;
        this.progressEvery = Math.max(1, progressEvery);
    }

    /** The result file, in a temporary file the caller deletes, and how many commands ended in each state. */
    public record Written(Path file, Map<CommandState, Integer> states) {

        int unfinished() {
            return states.entrySet().stream().filter(e -> !e.getKey().terminal()).mapToInt(Map.Entry::getValue).sum();
        }
    }

    public Written write(InboxRun run) throws IOException {
        InboxDocument document = run.document();
        Instant deadline = Instant.now().plus(timeout);
        Map<CommandState, Integer> states = new EnumMap<>(CommandState.class);
        Path file = Files.createTempFile("farmhub-result-", ".json");
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(file.toFile(), JsonEncoding.UTF8);
                CommandIterator commands = document.commands()) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("document", document.path().document());
            json.writeStringField("submittedBy", document.submittedBy());
            json.writeStringField("sha256", document.sha256());
            json.writeArrayFieldStart("commands");
            int finished = 0;
            while (commands.hasNext()) {
                DocumentResult.Command line = line(run, commands.next(), deadline);
                states.merge(line.state(), 1, Integer::sum);
                json.writeObject(line);
                if (++finished % progressEvery == 0) {
                    log.info("inbox {}: {} of {} commands finished", document.path().document(), finished,
                            document.commandCount());
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Written(file, states);
    }

    private DocumentResult.Command line(InboxRun run, CommandRequest command, Instant deadline) {
        Optional<CommandStatus.Error> refused = run.refusal(command.commandId());
        if (refused.isPresent()) {
            return new DocumentResult.Command(command.commandId(), command.source().row(), command.commandType(),
                    CommandState.INVALID, List.of(refused.get()));
        }
        Optional<CommandStatus> status = waits.await(command.commandId(), deadline);
        if (status.isEmpty()) {
            // Submitted but unknown to the pipeline: it was never recorded, so it did not run.
            return new DocumentResult.Command(command.commandId(), command.source().row(), command.commandType(),
                    CommandState.CREATED, List.of());
        }
        return DocumentResult.Command.of(command, status.get());
    }
}
