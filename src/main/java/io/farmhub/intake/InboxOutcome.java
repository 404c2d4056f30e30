package io.farmhub.intake;

import io.farmhub.core.Rejection;

/** What reading a dropped document gave: a document whose commands can be submitted, or a rejection of it as a whole. */
public sealed interface InboxOutcome {

    /** The document parsed; each of its commands is judged on its own by the pipeline. */
    record Accepted(InboxDocument document) implements InboxOutcome {
    }

    /**
     * The whole document is refused. {@code document} is the path as dropped (relative to the inbox);
     * {@code submittedBy} is null when the path named no known user. The rejection's code is
     * {@code UNKNOWN_SUBMITTER}, {@code TOO_LARGE}, {@code UNSUPPORTED_DOCUMENT} or {@code MALFORMED}; its field, when
     * set, is the JSON path or CSV column concerned; its message is a sentence saying where and why.
     */
    record Rejected(String document, String submittedBy, Rejection rejection) implements InboxOutcome {

        /** The {@code <name>.error.json} to write beside the rejected copy. */
        public DocumentError error() {
            return new DocumentError(document, submittedBy, rejection.code(), rejection.field(), rejection.message());
        }
    }
}
