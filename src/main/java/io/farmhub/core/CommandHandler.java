package io.farmhub.core;

import java.util.List;

/**
 * Binds one command type to its decider, for the generic command pipeline: parse ({@link #commandClass()},
 * JSON via Jackson), normalise the keys, validate statelessly, then decide from the states it reads.
 * Each aggregate package lists its handlers (e.g. {@code CowCommands.handlers()}); the pipeline knows no
 * command type by name.
 */
public interface CommandHandler<C> {

    /** The contract name, e.g. {@code RelocateAnimal}. */
    String commandType();

    /** The record the payload JSON is read into. */
    Class<C> commandClass();

    /** The same command with its keys in normal form (ear tags, slugs, chassis numbers). */
    C normalise(C command);

    /**
     * Checks that need no state: keys in normal form and required fields present ({@code MALFORMED} with the
     * field name), ranges ({@code OUT_OF_RANGE}), dates not in the future given {@code today}.
     */
    List<Rejection> validate(C command, java.time.LocalDate today);

    /** Reads what it needs through {@code states} and decides; assumes {@link #validate} passed. */
    Decision decide(C command, StreamStates states, java.time.LocalDate today);
}
