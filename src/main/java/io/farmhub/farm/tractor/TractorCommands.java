package io.farmhub.farm.tractor;

import io.farmhub.core.CommandHandler;
import io.farmhub.core.SingleStreamHandler;
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

    /** Every tractor command reads one stream, its own tractor's, so the generic single-stream handler serves them all. */
    private static <C extends TractorCommand> CommandHandler<C> handler(String type, Class<C> commandClass) {
        return new SingleStreamHandler<>(type, commandClass, Tractor.AGGREGATE, TractorCommand::chassisNumber,
                TractorDecider::normalise, TractorDecider::validate, TractorDecider::decide);
    }
}
