package io.farmhub.farm.field;

import io.farmhub.core.CommandHandler;
import io.farmhub.core.SingleStreamHandler;
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

    /** Every field command reads one stream, its own field's, so the generic single-stream handler serves them all. */
    private static <C extends FieldCommand> CommandHandler<C> handler(String type, Class<C> commandClass) {
        return new SingleStreamHandler<>(type, commandClass, Field.AGGREGATE, FieldCommand::fieldCode,
                FieldDecider::normalise, FieldDecider::validate, FieldDecider::decide);
    }
}
