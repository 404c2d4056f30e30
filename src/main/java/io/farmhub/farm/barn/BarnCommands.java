package io.farmhub.farm.barn;

import io.farmhub.core.CommandHandler;
import io.farmhub.core.Decision;
import io.farmhub.core.Rejection;
import io.farmhub.core.StreamStates;
import java.time.LocalDate;
import java.util.List;

/** The barn's command handlers, one per command type, for the command pipeline. */
public final class BarnCommands {

    private BarnCommands() {
    }

    public static List<CommandHandler<?>> handlers() {
        return List.of(
                new Handler<>("RegisterBarn", BarnCommand.RegisterBarn.class),
                new Handler<>("RecordBarnTemperature", BarnCommand.RecordBarnTemperature.class));
    }

    /** Every barn command reads one stream, its own barn's, so one adapter serves them all. */
    record Handler<C extends BarnCommand>(String commandType, Class<C> commandClass) implements CommandHandler<C> {

        @Override
        public C normalise(C command) {
            return commandClass.cast(BarnDecider.normalise(command));
        }

        @Override
        public List<Rejection> validate(C command, LocalDate today) {
            return BarnDecider.validate(command, today);
        }

        @Override
        public Decision decide(C command, StreamStates states, LocalDate today) {
            return BarnDecider.decide(command, states.get(Barn.AGGREGATE, command.barnCode()), today);
        }
    }
}
