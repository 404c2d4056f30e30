package io.farmhub.farm.cow;

import io.farmhub.core.CommandHandler;
import io.farmhub.core.Decision;
import io.farmhub.core.Rejection;
import io.farmhub.core.StreamStates;
import java.time.LocalDate;
import java.util.List;

/**
 * One cow command type for the pipeline: normalising and validating are the same for all of them (see
 * {@link CowCommand#normalised()}, {@link CowDecider#validate}); only how the states are read differs, so
 * that is the one thing each handler brings.
 */
record CowCommandHandler<C extends CowCommand>(String commandType, Class<C> commandClass, Reading<C> reading)
        implements CommandHandler<C> {

    /** Reads what the decider needs through {@code states} and calls it. */
    @FunctionalInterface
    interface Reading<C> {
        Decision decide(C command, StreamStates states, LocalDate today);
    }

    static <C extends CowCommand> CowCommandHandler<C> of(Class<C> commandClass, Reading<C> reading) {
        return new CowCommandHandler<>(commandClass.getSimpleName(), commandClass, reading);
    }

    @Override
    public C normalise(C command) {
        return commandClass.cast(command.normalised());
    }

    @Override
    public List<Rejection> validate(C command, LocalDate today) {
        return CowDecider.validate(command, today);
    }

    @Override
    public Decision decide(C command, StreamStates states, LocalDate today) {
        // A command that fails validation names no stream that can be read (its keys are not in normal form).
        List<Rejection> problems = validate(command, today);
        return problems.isEmpty() ? reading.decide(command, states, today) : Decision.rejected(problems);
    }
}
