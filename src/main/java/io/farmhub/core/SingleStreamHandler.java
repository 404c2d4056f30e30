package io.farmhub.core;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The generic handler for a command that reads and writes one stream, its own aggregate's: an aggregate wires
 * it with method references to its pure decider, e.g.
 * {@code new SingleStreamHandler<>("SowCrop", SowCrop.class, Field.AGGREGATE, FieldCommand::fieldCode,
 * FieldDecider::normalise, FieldDecider::validate, FieldDecider::decide)}.
 *
 * @param key       the stream key of the command's aggregate instance (already normalised)
 * @param normalise the command with its keys in normal form
 */
public record SingleStreamHandler<B, C extends B, S>(
        String commandType,
        Class<C> commandClass,
        Aggregate<S> aggregate,
        Function<? super B, String> key,
        UnaryOperator<B> normaliser,
        BiFunction<? super B, LocalDate, List<Rejection>> validator,
        Decider<B, S> decider) implements CommandHandler<C> {

    /** The pure decider's shape: the command, the aggregate's state with its version, and today. */
    @FunctionalInterface
    public interface Decider<B, S> {
        Decision decide(B command, Versioned<S> state, LocalDate today);
    }

    @Override
    public C normalise(C command) {
        return commandClass.cast(normaliser.apply(command));
    }

    @Override
    public List<Rejection> validate(C command, LocalDate today) {
        return validator.apply(command, today);
    }

    @Override
    public Decision decide(C command, StreamStates states, LocalDate today) {
        return decider.decide(command, states.get(aggregate, key.apply(command)), today);
    }
}
