package io.farmhub.commands;

/** What submitting a command did. */
public sealed interface Submission {

    /** A new command was accepted for processing (HTTP 202). */
    record Accepted(CommandStatus status) implements Submission {
    }

    /** The same commandId and the same payload were seen before: nothing new happens (HTTP 200). */
    record AlreadyKnown(CommandStatus status) implements Submission {
    }

    /** The same commandId was seen before with a different payload (HTTP 409). */
    record PayloadMismatch(CommandStatus existing) implements Submission {
    }
}
