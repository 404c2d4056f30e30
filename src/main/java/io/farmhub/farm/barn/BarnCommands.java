package io.farmhub.farm.barn;

import io.farmhub.core.CommandHandler;
import io.farmhub.core.SingleStreamHandler;
import java.util.List;

/** The barn's command handlers, one per command type, for the command pipeline. */
public final class BarnCommands {

    private BarnCommands() {
    }

    public static List<CommandHandler<?>> handlers() {
        return List.of(
                handler("RegisterBarn", BarnCommand.RegisterBarn.class),
                handler("RecordBarnTemperature", BarnCommand.RecordBarnTemperature.class));
    }

    /** Every barn command reads one stream, its own barn's, so the generic single-stream handler serves them all. */
    private static <C extends BarnCommand> CommandHandler<C> handler(String type, Class<C> commandClass) {
        return new SingleStreamHandler<>(type, commandClass, Barn.AGGREGATE, BarnCommand::barnCode,
                BarnDecider::normalise, BarnDecider::validate, BarnDecider::decide);
    }
}
