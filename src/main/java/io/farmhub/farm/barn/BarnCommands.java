package io.farmhub.farm.barn;

import io.farmhub.core.AggregateHandler;
import io.farmhub.core.CommandHandler;
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

    /** A barn command reads its own barn's stream and nothing else (its facts are today's date). */
    private static <C extends BarnCommand> CommandHandler<C> handler(String type, Class<C> commandClass) {
        return AggregateHandler.of(type, commandClass, BarnDecider::normalise, BarnDecider::validate,
                AggregateHandler.stream(Barn.AGGREGATE, BarnCommand::barnCode), AggregateHandler.today(),
                BarnDecider::decide);
    }
}
