package io.farmhub.farm.field;

import io.farmhub.core.Aggregate;
import io.farmhub.core.DomainEvent;
import io.farmhub.farm.field.FieldEvent.CropHarvested;
import io.farmhub.farm.field.FieldEvent.CropSown;
import io.farmhub.farm.field.FieldEvent.FieldRegistered;
import io.farmhub.farm.loan.LoanEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import io.farmhub.farm.loan.Pledges;
import java.util.Set;

/**
 * The state of a field as its decider sees it. A registered field is either {@link Fallow} or {@link Cropped}:
 * whether a crop stands is its lifecycle, so it is a state, not a flag. Other aggregates (a cow's
 * destination, a loan's collateral) ask only {@link #isRegistered()} and {@link #pledgedTo()}.
 */
public sealed interface Field {

    Aggregate<Field> AGGREGATE = new Aggregate<>("farm", "field", new Unregistered(), Field::evolve);

    /** Loan ids this field is pledged to. */
    Set<String> pledgedTo();

    default boolean isRegistered() {
        return this instanceof Registered;
    }

    record Unregistered() implements Field {
        @Override
        public Set<String> pledgedTo() {
            return Set.of();
        }
    }

    sealed interface Registered extends Field {
        String fieldCode();

        String name();

        BigDecimal areaHectares();

        /** The day the last crop was harvested, or null before the first harvest. */
        LocalDate lastHarvestedOn();
    }

    /** No crop standing. */
    record Fallow(String fieldCode, String name, BigDecimal areaHectares, LocalDate lastHarvestedOn,
            Set<String> pledgedTo) implements Registered {
        public Fallow {
            pledgedTo = Pledges.sorted(pledgedTo);
        }

        Cropped sow(String crop, LocalDate sownOn) {
            return new Cropped(fieldCode, name, areaHectares, crop, sownOn, lastHarvestedOn, pledgedTo);
        }
    }

    record Cropped(String fieldCode, String name, BigDecimal areaHectares, String crop, LocalDate sownOn,
            LocalDate lastHarvestedOn, Set<String> pledgedTo) implements Registered {
        public Cropped {
            pledgedTo = Pledges.sorted(pledgedTo);
        }

        Fallow harvest(LocalDate harvestedOn) {
            return new Fallow(fieldCode, name, areaHectares, harvestedOn, pledgedTo);
        }
    }

    /** Folds one event of the field's stream, including the loan events appended to it; ignores anything else. */
    static Field evolve(Field state, DomainEvent event) {
        if (event instanceof FieldRegistered e) {
            return new Fallow(e.fieldCode(), e.name(), e.areaHectares(), null, Set.of());
        }
        if (event instanceof CropSown e && state instanceof Fallow fallow) {
            return fallow.sow(e.crop(), e.sownOn());
        }
        if (event instanceof CropHarvested e && state instanceof Cropped cropped) {
            return cropped.harvest(e.harvestedOn());
        }
        if (event instanceof LoanEvent e && state instanceof Registered registered) {
            return withPledges(registered, Pledges.after(registered.pledgedTo(), e));
        }
        return state;
    }

    private static Field withPledges(Registered state, Set<String> pledgedTo) {
        if (state instanceof Cropped c) {
            return new Cropped(c.fieldCode(), c.name(), c.areaHectares(), c.crop(), c.sownOn(), c.lastHarvestedOn(),
                    pledgedTo);
        }
        Fallow f = (Fallow) state;
        return new Fallow(f.fieldCode(), f.name(), f.areaHectares(), f.lastHarvestedOn(), pledgedTo);
    }
}
