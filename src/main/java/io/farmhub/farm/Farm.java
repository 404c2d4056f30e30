package io.farmhub.farm;

import io.farmhub.core.CommandHandler;
import io.farmhub.core.Decision;
import io.farmhub.core.Versioned;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.farm.barn.Barn;
import io.farmhub.farm.barn.BarnCommands;
import io.farmhub.farm.barn.BarnDecider;
import io.farmhub.farm.barn.BarnEvents;
import io.farmhub.farm.cow.BarnPlaces;
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
import java.time.LocalDate;
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
        handlers.addAll(CowCommands.handlers(new StreamLocationDirectory<>(Field.AGGREGATE, Barn.AGGREGATE,
                Farm::barnPlaces)));
        handlers.addAll(FieldCommands.handlers());
        handlers.addAll(BarnCommands.handlers());
        handlers.addAll(TractorCommands.handlers());
        handlers.addAll(LoanCommands.handlers(
                new AssetFacts<>(Cow.AGGREGATE, cow -> cow instanceof Cow.OnFarm, Cow::pledgedTo)));
        return List.copyOf(handlers);
    }

    /**
     * A barn's places as a cow decision asks for them: the barn's own capacity rule ({@link BarnDecider#house},
     * {@link BarnDecider#leave}) over the barn as read, so the answer is appended at that version.
     */
    public static BarnPlaces barnPlaces(Versioned<Barn> barn) {
        return new BarnPlaces() {
            @Override
            public Decision house(String earTag, LocalDate on) {
                return BarnDecider.house(barn, earTag, on);
            }

            @Override
            public Decision leave(String earTag, LocalDate on) {
                return BarnDecider.leave(barn, earTag, on);
            }
        };
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
