package io.farmhub.farm.field;

import io.farmhub.core.CommandHandler;
import io.farmhub.core.AggregateHandler;
import java.util.List;

/** The field's command handlers, one per command type, for the command pipeline. */
public final class FieldCommands {

    private FieldCommands() {
    }

    public static List<CommandHandler<?>> handlers() {
        return List.of(
                handler("RegisterField", FieldCommand.RegisterField.class),
                handler("SowCrop", FieldCommand.SowCrop.class),
                handler("HarvestCrop", FieldCommand.HarvestCrop.class));
    }

    /** Every field command reads one stream, its own field's, and reads no other (its facts are today's date). */
    private static <C extends FieldCommand> CommandHandler<C> handler(String type, Class<C> commandClass) {
        return AggregateHandler.of(type, commandClass, FieldDecider::normalise, FieldDecider::validate,
                AggregateHandler.stream(Field.AGGREGATE, FieldCommand::fieldCode), AggregateHandler.today(), FieldDecider::decide);
    }
}
