package io.farmhub.farm;

import io.farmhub.core.CommandHandler;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.farm.barn.Barn;
import io.farmhub.farm.barn.BarnCommands;
import io.farmhub.farm.barn.BarnEvents;
import io.farmhub.farm.cow.Cow;
import io.farmhub.farm.cow.CowCommands;
import io.farmhub.farm.cow.CowEvents;
import io.farmhub.farm.cow.StreamLocationDirectory;
import io.farmhub.farm.field.Field;
import io.farmhub.farm.field.FieldCommands;
import io.farmhub.farm.field.FieldEvents;
import io.farmhub.farm.loan.AssetFacts;
import io.farmhub.farm.loan.LoanCommands;
import io.farmhub.farm.loan.LoanEvents;
import io.farmhub.farm.tractor.TractorCommands;
import io.farmhub.farm.tractor.TractorEvents;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole board of domain.md in one place: every command handler and every event type. This is where the
 * aggregates, which know each other only through their states, are wired together (a cow's destination is
 * a field or barn; a loan pledges cows, fields and tractors).
 */
public final class Farm {

    private Farm() {
    }

    /** One handler per command type of domain.md. */
    public static List<CommandHandler<?>> commandHandlers() {
        List<CommandHandler<?>> handlers = new ArrayList<>();
        handlers.addAll(CowCommands.handlers(new StreamLocationDirectory(Field.AGGREGATE, Barn.AGGREGATE,
                barn -> barn instanceof Barn.Registered registered ? registered.capacity() : Integer.MAX_VALUE)));
        handlers.addAll(FieldCommands.handlers());
        handlers.addAll(BarnCommands.handlers());
        handlers.addAll(TractorCommands.handlers());
        handlers.addAll(LoanCommands.handlers(
                new AssetFacts<>(Cow.AGGREGATE, cow -> cow instanceof Cow.OnFarm, Cow::pledgedTo)));
        return List.copyOf(handlers);
    }

    /** Every farm event type, under its domain.md name. */
    public static EventTypeRegistry registerEvents(EventTypeRegistry registry) {
        CowEvents.register(registry);
        FieldEvents.register(registry);
        BarnEvents.register(registry);
        TractorEvents.register(registry);
        LoanEvents.register(registry);
        return registry;
    }
}
