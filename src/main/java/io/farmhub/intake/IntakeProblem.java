package io.farmhub.intake;

import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;

/**
 * Internal signal that a document or a reading is rejected. It never leaves this package: the public
 * entry points turn it into a value ({@link InboxOutcome.Rejected}, a rejected reading). It carries no stack
 * trace because it is a business outcome, not a fault.
 */
final class IntakeProblem extends RuntimeException {

    private final transient Rejection rejection;

    IntakeProblem(ErrorCode code, String field, String message) {
        super(message, null, false, false);
        this.rejection = Rejection.of(code, field, message);
    }

    static IntakeProblem of(ErrorCode code, String message) {
        return new IntakeProblem(code, null, message);
    }

    Rejection rejection() {
        return rejection;
    }
}
