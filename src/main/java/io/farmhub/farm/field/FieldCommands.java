package io.farmhub.farm.field;

import io.farmhub.core.CommandHandler;
import io.farmhub.core.Decision;
import io.farmhub.core.Rejection;
import io.farmhub.core.StreamStates;
import java.time.LocalDate;
import java.util.List;

/** The field's command handlers, one per command type, for the command pipeline. */
public final class FieldCommands {

    private FieldCommands() {
    }

    public static List<CommandHandler<?>> handlers() {
        return List.of(
                new Handler<>("RegisterField", FieldCommand.RegisterField.class),
                new Handler<>("SowCrop", FieldCommand.SowCrop.class),
                new Handler<>("HarvestCrop", FieldCommand.HarvestCrop.class));
    }

    /** Every field command reads one stream, its own field's, so one adapter serves them all. */
    record Handler<C extends FieldCommand>(String commandType, Class<C> commandClass) implements CommandHandler<C> {

        @Override
        public C normalise(C command) {
            return commandClass.cast(FieldDecider.normalise(command));
        }

        @Override
        public List<Rejection> validate(C command, LocalDate today) {
            return FieldDecider.validate(command, today);
        }

        @Override
        public Decision decide(C command, StreamStates states, LocalDate today) {
            return FieldDecider.decide(command, states.get(Field.AGGREGATE, command.fieldCode()), today);
        }
    }
}
