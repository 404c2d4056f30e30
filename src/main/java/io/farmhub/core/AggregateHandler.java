package io.farmhub.core;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The one generic command handler: it reads the command's own stream, then the facts the decision needs from
 * other streams (each with its version, through {@link StreamStates}), and calls the aggregate's pure
 * {@code decide(command, state, facts)}. Every aggregate wires it with method references, e.g.
 * {@code AggregateHandler.of("SowCrop", SowCrop.class, FieldDecider::normalise, FieldDecider::validate,
 * AggregateHandler.stream(Field.AGGREGATE, FieldCommand::fieldCode), AggregateHandler.today(), FieldDecider::decide)}.
 *
 * <p>Validation runs once, in the pipeline's validate step ({@link #validate}); {@link #decide} assumes it passed.
 *
 * @param <B> the aggregate's sealed command type (the decider's); the readers may take the concrete {@code C}
 * @param <S> the aggregate's state
 * @param <F> the facts its decisions need from elsewhere (other streams, today)
 */
public record AggregateHandler<B, C extends B, S, F>(
        String commandType,
        Class<C> commandClass,
        UnaryOperator<B> normaliser,
        BiFunction<? super B, LocalDate, List<Rejection>> validator,
        StateReader<? super C, S> state,
        FactReader<? super C, S, F> facts,
        Decider<B, S, F> decider) implements CommandHandler<C> {

    /** Reads the command's own stream; a command with no stream of its own (a loan, a TB inspection) gets null. */
    @FunctionalInterface
    public interface StateReader<B, S> {
        Versioned<S> read(B command, StreamStates states);
    }

    /** Reads what the decision needs from other streams, knowing the command's own state. */
    @FunctionalInterface
    public interface FactReader<B, S, F> {
        F read(B command, Versioned<S> state, StreamStates states, LocalDate today);
    }

    /** The pure decider: no clock, no I/O. */
    @FunctionalInterface
    public interface Decider<B, S, F> {
        Decision decide(B command, Versioned<S> state, F facts);
    }

    public static <B, C extends B, S, F> AggregateHandler<B, C, S, F> of(String commandType, Class<C> commandClass,
            UnaryOperator<B> normaliser, BiFunction<? super B, LocalDate, List<Rejection>> validator,
            StateReader<? super C, S> state, FactReader<? super C, S, F> facts, Decider<B, S, F> decider) {
        return new AggregateHandler<>(commandType, commandClass, normaliser, validator, state, facts, decider);
    }

    /** The command's own stream: {@code aggregate}'s instance named by {@code key} (already normalised). */
    public static <B, S> StateReader<B, S> stream(Aggregate<S> aggregate, Function<? super B, String> key) {
        return (command, states) -> states.get(aggregate, key.apply(command));
    }

    /** A command that touches no stream of its own aggregate. */
    public static <B, S> StateReader<B, S> noStream() {
        return (command, states) -> null;
    }

    /** Facts of a decision that reads no other stream: only today's date. */
    public static <B, S> FactReader<B, S, LocalDate> today() {
        return (command, state, states, today) -> today;
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
        Versioned<S> own = state.read(command, states);
        return decider.decide(command, own, facts.read(command, own, states, today));
    }
}
