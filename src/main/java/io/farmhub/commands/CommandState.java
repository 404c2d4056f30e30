package io.farmhub.commands;

/** The seed's CommandState, plus FAILED for a command infrastructure errors stopped after its retries. */
public enum CommandState {
    CREATED, VALIDATED, INVALID, IN_PROGRESS, COMPLETED, FAILED;

    /** INVALID and COMPLETED are final; FAILED can be resumed, so it is terminal only until someone does. */
    public boolean terminal() {
        return this == INVALID || this == COMPLETED || this == FAILED;
    }
}
