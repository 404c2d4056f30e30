package io.farmhub.farm.tractor;

import io.farmhub.core.CommandHandler;
import io.farmhub.core.AggregateHandler;
import java.util.List;

/** The tractor's command handlers, one per command type, for the command pipeline. */
public final class TractorCommands {

    private TractorCommands() {
    }

    public static List<CommandHandler<?>> handlers() {
        return List.of(
                handler("RegisterTractor", TractorCommand.RegisterTractor.class),
                handler("RecordTractorService", TractorCommand.RecordTractorService.class),
                handler("RecordEngineHours", TractorCommand.RecordEngineHours.class));
    }

    /** Every tractor command reads one stream, its own tractor's, and reads no other (its facts are today's date). */
    private static <C extends TractorCommand> CommandHandler<C> handler(String type, Class<C> commandClass) {
        return AggregateHandler.of(type, commandClass, TractorDecider::normalise, TractorDecider::validate,
                AggregateHandler.stream(Tractor.AGGREGATE, TractorCommand::chassisNumber), AggregateHandler.today(), TractorDecider::decide);
    }
}
