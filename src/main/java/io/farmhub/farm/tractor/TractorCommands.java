package io.farmhub.farm.tractor;

import io.farmhub.core.CommandHandler;
import io.farmhub.core.Decision;
import io.farmhub.core.Rejection;
import io.farmhub.core.StreamStates;
import java.time.LocalDate;
import java.util.List;

/** The tractor's command handlers, one per command type, for the command pipeline. */
public final class TractorCommands {

    private TractorCommands() {
    }

    public static List<CommandHandler<?>> handlers() {
        return List.of(
                new Handler<>("RegisterTractor", TractorCommand.RegisterTractor.class),
                new Handler<>("RecordTractorService", TractorCommand.RecordTractorService.class),
                new Handler<>("RecordEngineHours", TractorCommand.RecordEngineHours.class));
    }

    /** Every tractor command reads one stream, its own tractor's, so one adapter serves them all. */
    record Handler<C extends TractorCommand>(String commandType, Class<C> commandClass)
            implements CommandHandler<C> {

        @Override
        public C normalise(C command) {
            return commandClass.cast(TractorDecider.normalise(command));
        }

        @Override
        public List<Rejection> validate(C command, LocalDate today) {
            return TractorDecider.validate(command, today);
        }

        @Override
        public Decision decide(C command, StreamStates states, LocalDate today) {
            return TractorDecider.decide(command, states.get(Tractor.AGGREGATE, command.chassisNumber()), today);
        }
    }
}
