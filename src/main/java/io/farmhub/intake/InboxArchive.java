package io.farmhub.intake;

import io.farmhub.core.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where processed documents go, always as copies of the original, which is removed from the inbox only afterwards:
 * <ul>
 *   <li>an accepted document to {@code farmhub.routes.inbox-archive}, key {@code <user>/<yyyy-mm-dd>/<name>} (the
 *       UTC day it was processed), with {@code <name>.result.json} beside it;</li>
 *   <li>a rejected one to {@code farmhub.routes.command-errors}, key {@code documents/<user>/<name>}, with
 *       {@code <name>.error.json} beside it.</li>
 * </ul>
 * When the name is taken (the same name dropped twice on one day, or rejected twice) the copy gets the first free
 * suffix, {@code moves-2.csv}, {@code moves-3.csv}, …, and its result or error file follows it
 * ({@code moves-2.csv.result.json}); nothing is ever overwritten.
 */
@Component
public class InboxArchive {

    private final DocumentStores stores;
    private final String archiveUri;
    private final String errorsUri;
    private final String inboxUri;
    private final Clock clock;

    @Autowired
    public InboxArchive(DocumentStores stores, @Value("${farmhub.routes.inbox-archive}") String archiveUri,
            @Value("${farmhub.routes.command-errors}") String errorsUri,
            @Value("${farmhub.routes.inbox}") String inboxUri) {
        this(stores, archiveUri, errorsUri, inboxUri, Clock.systemUTC());
    }

    InboxArchive(DocumentStores stores, String archiveUri, String errorsUri, String inboxUri, Clock clock) {
        this.stores = stores;
        this.archiveUri = archiveUri;
        this.errorsUri = errorsUri;
        this.inboxUri = inboxUri;
        this.clock = clock;
    }

    /**
     * Resolves the inbox, archive and command-errors once the hub is up: a misspelt URI stops nobody later, and a
     * blob container that does not exist yet is created (the inbox would otherwise be listed as empty, silently).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void prepare() {
        stores.at(inboxUri);
        stores.at(archiveUri);
        stores.at(errorsUri);
    }

    /** Copies an accepted document and its result into the archive; the key it was archived under. */
    public String archive(InboxClaim claim, InboxPath path, Path resultFile) throws IOException {
        DocumentStore archive = stores.at(archiveUri);
        String key = FreeKeys.create(archive, path.archiveKey(LocalDate.now(clock)), claim.content());
        archive.put(key + ".result.json", DocumentContent.of(resultFile));
        return key;
    }

    /** Copies a rejected document and its error into command-errors; the key it was kept under. */
    public String reject(InboxClaim claim, DocumentError error) throws IOException {
        DocumentStore errors = stores.at(errorsUri);
        String key = FreeKeys.create(errors, InboxPath.errorKey(claim.document()), claim.content());
        errors.put(key + ".error.json", DocumentContent.of(Json.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(error)));
        return key;
    }

    /** The archive, for reading results back (tests, tools). */
    public DocumentStore archiveStore() {
        return stores.at(archiveUri);
    }

    /** command-errors, for reading rejected documents back. */
    public DocumentStore errorsStore() {
        return stores.at(errorsUri);
    }
}
